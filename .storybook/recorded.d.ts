/// <reference types="vite/client" />
declare module 'virtual:ck-recorded' {
  /** Byte-exact SSE bodies by fixture name. */
  export const streams: Record<string, string>;
  /** JSON bodies (as text) of the stored-completions endpoints' answers by fixture name. */
  export const responses: Record<string, string>;
}
declare module 'virtual:ck-api-reference' {
  /** The chat parts' props and the hooks' options and returned fields, read from their types at build time. */
  const reference: import('../scripts/storybook-docs/type-reference.ts').ApiReference;
  export default reference;
}
