// Recorded API traffic lives in ../shared beside the repository; tests read it from there, never a copy.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const fixturesDir = path.resolve(here, '../../../../../shared/fixtures/openai');

/** Whether the recorded fixtures are present. Under CI their absence fails the run instead of skipping. */
export function haveFixtures(): boolean {
  if (existsSync(fixturesDir)) return true;
  if (process.env.CI) throw new Error(`The recorded fixtures are missing: expected them at ${fixturesDir}`);
  return false;
}

export function readFixture<T = unknown>(relative: string): T {
  return JSON.parse(readFileSync(path.join(fixturesDir, relative), 'utf8')) as T;
}

export function readFixtureText(relative: string): string {
  return readFileSync(path.join(fixturesDir, relative), 'utf8');
}

export interface StreamFixture {
  name: string;
  /** The byte-exact SSE body when recorded, else the chunks framed as the API frames them. */
  bytes: Uint8Array;
  recorded: boolean;
  expected: unknown;
}

/** Every stream fixture that states its final completion. */
export function streamFixtures(): StreamFixture[] {
  const dir = path.join(fixturesDir, 'streams');
  return readdirSync(dir)
    .filter((file) => file.endsWith('.expected.json'))
    .map((file) => {
      const name = file.replace('.expected.json', '');
      const ssePath = path.join(dir, `${name}.sse`);
      const recorded = existsSync(ssePath);
      const bytes = recorded
        ? new Uint8Array(readFileSync(ssePath))
        : sseBytes(readFixture<unknown[]>(`streams/${name}.json`));
      return { name, bytes, recorded, expected: readFixture(`streams/${file}`) };
    });
}

/** Chunks framed as `data: <json>\n\n` events, ending with `data: [DONE]` unless told otherwise. */
export function sseBytes(chunks: unknown[], { done = true } = {}): Uint8Array {
  const events = chunks.map((chunk) => `data: ${JSON.stringify(chunk)}\n\n`);
  if (done) events.push('data: [DONE]\n\n');
  return new TextEncoder().encode(events.join(''));
}

/** A body that delivers `bytes` cut at the given offsets, one network read per piece. */
export function bodyFrom(bytes: Uint8Array, cuts: number[] = []): ReadableStream<Uint8Array> {
  const offsets = [...new Set(cuts.filter((cut) => cut > 0 && cut < bytes.length))].sort((a, b) => a - b);
  const pieces: Uint8Array[] = [];
  let start = 0;
  for (const offset of [...offsets, bytes.length]) {
    pieces.push(bytes.slice(start, offset));
    start = offset;
  }
  return new ReadableStream({
    pull(controller) {
      const piece = pieces.shift();
      if (piece) controller.enqueue(piece);
      else controller.close();
    },
  });
}
