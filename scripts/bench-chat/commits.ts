/** Commits React reported since the benchmark last reset it (counted by ./hook.ts). */
export const commits = { value: 0 };
