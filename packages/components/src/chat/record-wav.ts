import { pcm16ToWav } from '../audio/pcm16.ts';

/** Float samples (-1..1) as 16-bit little-endian PCM. */
function toPcm16(chunks: readonly Float32Array[]): Uint8Array {
  const length = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
  const view = new DataView(new ArrayBuffer(length * 2));
  let offset = 0;
  for (const chunk of chunks) {
    for (const sample of chunk) {
      view.setInt16(offset, Math.max(-1, Math.min(1, sample)) * 0x7fff, true);
      offset += 2;
    }
  }
  return new Uint8Array(view.buffer);
}

/**
 * Records the microphone as WAV, the only recorded format input_audio takes (MediaRecorder gives
 * WebM or Ogg). Resolves once recording runs; `stop()` gives the WAV file. Rejects when the
 * microphone is denied or missing.
 */
export async function recordWav(): Promise<{ stop: () => File }> {
  if (!navigator.mediaDevices?.getUserMedia) throw new Error('No microphone API in this browser.');
  const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
  const context = new AudioContext();
  // A ScriptProcessorNode: an AudioWorklet would need a module file of its own for the same lines.
  const node = context.createScriptProcessor(4096, 1, 1);
  const chunks: Float32Array[] = [];
  node.onaudioprocess = (event) => chunks.push(new Float32Array(event.inputBuffer.getChannelData(0)));
  context.createMediaStreamSource(stream).connect(node);
  // The node runs only while connected to an output; it writes nothing, so nothing is heard.
  node.connect(context.destination);
  const startedAt = new Date();
  return {
    stop() {
      node.disconnect();
      for (const track of stream.getTracks()) track.stop();
      void context.close();
      const wav = pcm16ToWav(toPcm16(chunks), context.sampleRate);
      const stamp = startedAt.toISOString().slice(11, 19).replaceAll(':', '-');
      return new File([wav as BlobPart], `recording-${stamp}.wav`, { type: 'audio/wav' });
    },
  };
}
