/// <reference types="vite/client" />
declare module 'virtual:ck-recorded' {
  /** Byte-exact SSE bodies by fixture name. */
  export const streams: Record<string, string>;
  /** JSON bodies (as text) of the stored-completions endpoints' answers by fixture name. */
  export const responses: Record<string, string>;
}
