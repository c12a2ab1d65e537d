/** Quotes and lists inside each other, or emphasis and links, deeper than this show flat as text. */
export const MAX_NESTING = 16;
/** Inline text longer than this, or with more delimiter runs, shows as plain text (see `plainInline`). */
export const MAX_INLINE_CHARACTERS = 20_000;
export const MAX_DELIMITER_RUNS = 256;
/** A run of one delimiter longer than this (`****…`) makes the text plain too. */
export const MAX_RUN = 32;
/** A table with more columns than this is shown as the text it came as. */
export const MAX_TABLE_COLUMNS = 64;
