// The design tokens as the stylesheet states them: read from the CSS source at build time, so the
// Foundations and Theming pages cannot drift from what ships.
const sheets = import.meta.glob('../../../packages/components/src/styles/*.css', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;
const sources = import.meta.glob('../../../packages/components/src/**/!(*.stories|*.test).tsx', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

export interface Token {
  name: string;
  light?: string;
  dark?: string;
  /** Where it is read or set: the data-slot of each rule, or the component file. */
  usedBy: string[];
}

function declarations(block: string): Record<string, string> {
  const entries = [...block.matchAll(/(--ck-[\w-]+)\s*:\s*([^;]+);/g)].map((match) => [match[1], match[2]?.trim()]);
  return Object.fromEntries(entries);
}

function blockAfter(css: string, selector: RegExp): string {
  const start = css.search(selector);
  if (start < 0) return '';
  const open = css.indexOf('{', start);
  return css.slice(open + 1, css.indexOf('}', open));
}

/** The two values of `light-dark(a, b)`, split at its top-level comma; null for any other value. */
function lightDark(value: string | undefined): [string, string] | null {
  const inner = value?.match(/^light-dark\((.*)\)$/)?.[1];
  if (!inner) return null;
  let depth = 0;
  for (let index = 0; index < inner.length; index++) {
    const character = inner[index];
    if (character === '(') depth++;
    else if (character === ')') depth--;
    else if (character === ',' && depth === 0) return [inner.slice(0, index).trim(), inner.slice(index + 1).trim()];
  }
  return null;
}

const fileName = (file: string) => file.split('/').pop() ?? file;

/** Every --ck-* variable: its light and dark values, and the rules and files that use it. */
export function readTokens(): Token[] {
  // page.css states every default on :root (tokens.css reads the same ones as fallbacks; a test keeps them equal).
  const tokensCss = Object.entries(sheets).find(([file]) => file.endsWith('/page.css'))?.[1] ?? '';
  const light = declarations(blockAfter(tokensCss, /^:root\s*\{/m));
  const dark = declarations(blockAfter(tokensCss, /^\[data-theme="dark"\]\s*\{/m));
  // A colour written once as light-dark(light, dark) holds both themes' values.
  for (const [name, value] of Object.entries(light)) {
    const pair = lightDark(value);
    if (!pair) continue;
    light[name] = pair[0];
    dark[name] ??= pair[1];
  }
  const tokens = new Map<string, Token>();
  const token = (name: string) => {
    const found = tokens.get(name) ?? { name, light: light[name], dark: dark[name], usedBy: [] };
    tokens.set(name, found);
    return found;
  };
  for (const name of Object.keys(light)) token(name);
  for (const [file, css] of Object.entries(sheets)) {
    for (const rule of css.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
      const slots = [...(rule[1] ?? '').matchAll(/data-slot="([\w-]+)"/g)].map((match) => match[1] ?? '');
      // Rules read each variable through its private twin (var(--_ck-fg) is --ck-fg); --ck-rem is the kit's own unit.
      for (const used of (rule[2] ?? '').matchAll(/var\(--_?(ck-[\w-]+)/g)) {
        if (used[1] === 'ck-rem') continue;
        const entry = token(`--${used[1] ?? ''}`);
        for (const slot of slots.length ? slots : [fileName(file)])
          if (!entry.usedBy.includes(slot)) entry.usedBy.push(slot);
      }
    }
  }
  for (const [file, source] of Object.entries(sources)) {
    // Set inline ('--ck-token-probability': …) or read with a fallback (var(--ck-table-height, 30rem)).
    for (const used of source.matchAll(/(?:'|var\()(--ck-[\w-]+)(?:,\s*([^)]+))?/g)) {
      const entry = token(used[1] ?? '');
      entry.light ??= used[2]?.trim();
      if (!entry.usedBy.includes(fileName(file))) entry.usedBy.push(fileName(file));
    }
  }
  return [...tokens.values()];
}

const colour = /^(#|rgb|hsl|color-mix)/;
export const isColour = (token: Token) => !!token.light && colour.test(token.light);

/** The light values as inline styles: a light preview inside a dark page. */
export function themeStyle(tokens: Token[], mode: 'light' | 'dark'): Record<string, string> {
  const pairs = tokens.map((token) => [token.name, mode === 'dark' ? (token.dark ?? token.light) : token.light]);
  return Object.fromEntries(pairs.filter((pair): pair is [string, string] => !!pair[1]));
}

export interface TypeStyle {
  slot: string;
  declarations: Record<string, string>;
}

const typeProperties = ['font-family', 'font-size', 'font-weight', 'line-height', 'color', 'text-transform'];

/** The type of each part that sets one: every rule of the stylesheet with a font declaration. */
export function readTypeStyles(): TypeStyle[] {
  const styles: TypeStyle[] = [];
  for (const css of Object.values(sheets)) {
    for (const rule of css.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
      const body = rule[2] ?? '';
      if (!/font-(family|size|weight)|(^|\s)font:/.test(body)) continue;
      const slot = [...(rule[1] ?? '').matchAll(/data-slot="([\w-]+)"/g)].map((match) => match[1]).join(', ');
      const declarations = Object.fromEntries(
        [...body.matchAll(/([\w-]+)\s*:\s*([^;]+);/g)]
          .filter((match) => typeProperties.includes(match[1] ?? ''))
          .map((match) => [match[1] ?? '', match[2]?.trim() ?? '']),
      );
      if (slot) styles.push({ slot, declarations });
    }
  }
  return styles;
}

/** `font-size` to `fontSize`, for a style object. */
export const camel = (property: string) => property.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase());
