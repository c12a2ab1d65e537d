// A module resolve hook that adds the workspace's source condition to every resolution.
export async function resolve(specifier, context, next) {
  const conditions = context.conditions ?? [];
  if (conditions.includes('@completions-kit/source')) return next(specifier, context);
  return next(specifier, { ...context, conditions: ['@completions-kit/source', ...conditions] });
}
