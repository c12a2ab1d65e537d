import type { Metadata } from '@completions-kit/core';
import { cutForDisplay } from '../text/cut.ts';
import { reveal } from '../text/reveal.ts';

/** Characters of each metadata key and value a row shows; open the row for the whole value. */
const SHOWN_CHARACTERS = 40;
/** Keys a row shows (the API allows 16; model output and other servers may send more). */
const SHOWN_KEYS = 16;

/** A row's metadata as one line, each key and value cut for display, hidden characters shown. */
export function metadataSummary(metadata: Metadata | null | undefined): string {
  const pairs = Object.entries(metadata ?? {});
  if (pairs.length === 0) return '—';
  const shown = pairs
    .slice(0, SHOWN_KEYS)
    .map(([key, value]) => `${cutForDisplay(key, SHOWN_CHARACTERS)}=${cutForDisplay(value, SHOWN_CHARACTERS)}`);
  const more = pairs.length > SHOWN_KEYS ? `, and ${pairs.length - SHOWN_KEYS} more keys` : '';
  return reveal(shown.join(', ') + more);
}
