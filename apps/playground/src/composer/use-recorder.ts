import { pcm16ToWav } from '@completions-kit/components';
import { useCallback, useRef, useState } from 'react';

export type RecorderState = 'idle' | 'recording' | 'denied' | 'unsupported';

interface Session {
  stream: MediaStream;
  context: AudioContext;
  node: ScriptProcessorNode;
  chunks: Float32Array[];
  startedAt: number;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let start = 0; start < bytes.length; start += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  }
  return btoa(binary);
}

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
 * Records the microphone as WAV, the format input_audio takes (MediaRecorder gives WebM or Ogg, which
 * the API refuses). A ScriptProcessorNode collects the samples: an AudioWorklet would need a module
 * file of its own for the same few lines.
 */
export function useRecorder(onDone: (wavBase64: string, seconds: number) => void) {
  const [state, setState] = useState<RecorderState>('idle');
  const session = useRef<Session | null>(null);
  const start = useCallback(async () => {
    if (!navigator.mediaDevices?.getUserMedia) return setState('unsupported');
    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    } catch {
      return setState('denied');
    }
    const context = new AudioContext();
    const node = context.createScriptProcessor(4096, 1, 1);
    const chunks: Float32Array[] = [];
    node.onaudioprocess = (event) => chunks.push(new Float32Array(event.inputBuffer.getChannelData(0)));
    context.createMediaStreamSource(stream).connect(node);
    // The node only runs while connected to an output; it writes nothing, so nothing is heard.
    node.connect(context.destination);
    session.current = { stream, context, node, chunks, startedAt: performance.now() };
    setState('recording');
  }, []);
  const stop = useCallback(() => {
    const current = session.current;
    if (!current) return;
    session.current = null;
    current.node.disconnect();
    for (const track of current.stream.getTracks()) track.stop();
    void current.context.close();
    const wav = pcm16ToWav(toPcm16(current.chunks), current.context.sampleRate);
    onDone(toBase64(wav), (performance.now() - current.startedAt) / 1000);
    setState('idle');
  }, [onDone]);
  return { state, start, stop };
}
