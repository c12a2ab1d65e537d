/** One run of a word diff: text both sides share, or text only the newer or the older side has. */
export interface DiffPart {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

// Outputs are untrusted and can be long: past this many cells the middle is shown as replaced
// whole rather than aligned, so that no diff holds the page for more than a few milliseconds.
const MAX_CELLS = 4_000_000;

const words = (text: string) => text.match(/\s+|[^\s]+/g) ?? [];

function push(parts: DiffPart[], kind: DiffPart['kind'], text: string) {
  if (text === '') return;
  const last = parts.at(-1);
  if (last?.kind === kind) last.text += text;
  else parts.push({ kind, text });
}

/** The word-level difference from `before` to `after`, shortest edit first, adjacent runs merged. */
export function wordDiff(before: string, after: string): DiffPart[] {
  const a = words(before);
  const b = words(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const parts: DiffPart[] = [];
  push(parts, 'same', a.slice(0, start).join(''));
  const n = endA - start;
  const m = endB - start;
  if (n * m > MAX_CELLS || n === 0 || m === 0) {
    push(parts, 'removed', a.slice(start, endA).join(''));
    push(parts, 'added', b.slice(start, endB).join(''));
  } else {
    alignMiddle(parts, a.slice(start, endA), b.slice(start, endB));
  }
  push(parts, 'same', a.slice(endA).join(''));
  return parts;
}

// Longest common subsequence by dynamic programming over the part that differs, read back in order.
function alignMiddle(parts: DiffPart[], a: string[], b: string[]) {
  const width = b.length + 1;
  const table = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      table[i * width + j] =
        a[i] === b[j]
          ? (table[(i + 1) * width + j + 1] ?? 0) + 1
          : Math.max(table[(i + 1) * width + j] ?? 0, table[i * width + j + 1] ?? 0);
    }
  }
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      push(parts, 'same', a[i++] ?? '');
      j++;
    } else if ((table[(i + 1) * width + j] ?? 0) >= (table[i * width + j + 1] ?? 0)) {
      push(parts, 'removed', a[i++] ?? '');
    } else {
      push(parts, 'added', b[j++] ?? '');
    }
  }
  push(parts, 'removed', a.slice(i).join(''));
  push(parts, 'added', b.slice(j).join(''));
}

/** How much of two texts differs, 0 (same) to 1 (nothing shared), by characters in changed runs. */
export function changedShare(parts: DiffPart[]): number {
  let changed = 0;
  let total = 0;
  for (const part of parts) {
    total += part.text.length;
    if (part.kind !== 'same') changed += part.text.length;
  }
  return total === 0 ? 0 : changed / total;
}
