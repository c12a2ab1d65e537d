// Run by the package's build after tsc, from dist/: trains the model on the workspace's corpus and
// writes its tables beside the compiled engine (dist/engine/local/model.bin), so the published
// server loads them at start instead of training.
import { buildModelFile } from './local-engine.ts';

const stats = buildModelFile();
console.log(
  `server: model tables written (${stats.paragraphs} paragraphs, ${stats.tokens} tokens, ${stats.vocabulary} distinct)`,
);
