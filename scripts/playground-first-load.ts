// The playground's first-load JavaScript: what index.html makes the browser fetch before any lazy
// import runs (the entry chunk and the chunks it imports statically), gzipped. A production Vite
// build into a temporary folder; lazy views and the lazy highlighter are other chunks, not counted.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

const playground = path.resolve(import.meta.dirname, '../apps/playground');

/** Chunk file -> the files it imports statically, from Vite's manifest. */
interface ManifestChunk {
  file: string;
  imports?: string[];
  isEntry?: boolean;
}

export async function playgroundFirstLoad(): Promise<{ files: string[]; minified: number; gzip: number }> {
  const outDir = mkdtempSync(path.join(tmpdir(), 'ck-first-load-'));
  try {
    await build({
      root: playground,
      configFile: path.join(playground, 'vite.config.ts'),
      logLevel: 'silent',
      build: { outDir, manifest: true, emptyOutDir: true },
    });
    const manifest = JSON.parse(readFileSync(path.join(outDir, '.vite/manifest.json'), 'utf8')) as Record<
      string,
      ManifestChunk
    >;
    const seen = new Set<string>();
    const visit = (key: string) => {
      if (seen.has(key)) return;
      seen.add(key);
      for (const next of manifest[key]?.imports ?? []) visit(next);
    };
    for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) visit(key);
    const files = [...seen].map((key) => manifest[key]?.file ?? key).filter((file) => file.endsWith('.js'));
    let minified = 0;
    let gzip = 0;
    for (const file of files) {
      const code = readFileSync(path.join(outDir, file));
      minified += code.length;
      gzip += gzipSync(code, { level: 9 }).length;
    }
    return { files, minified, gzip };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { files, minified, gzip } = await playgroundFirstLoad();
  console.log(files.join('\n'));
  console.log(`${(minified / 1024).toFixed(2)} KB min, ${(gzip / 1024).toFixed(2)} KB gzip`);
}
