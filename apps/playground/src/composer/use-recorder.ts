import { recordWav } from '@completions-kit/components/chat';
import { useCallback, useRef, useState } from 'react';

export type RecorderState = 'idle' | 'recording' | 'denied' | 'unsupported';

/** The file's bytes as base64 (input_audio's data field takes no data: URL prefix). */
async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let start = 0; start < bytes.length; start += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  }
  return btoa(binary);
}

/** The microphone as WAV through the kit's recordWav, with the states the composer shows. */
export function useRecorder(onDone: (wavBase64: string, seconds: number) => void) {
  const [state, setState] = useState<RecorderState>('idle');
  const session = useRef<{ stop: () => File; startedAt: number } | null>(null);
  const start = useCallback(async () => {
    if (!navigator.mediaDevices?.getUserMedia) return setState('unsupported');
    try {
      session.current = { ...(await recordWav()), startedAt: performance.now() };
      setState('recording');
    } catch {
      setState('denied');
    }
  }, []);
  const stop = useCallback(async () => {
    const current = session.current;
    if (!current) return;
    session.current = null;
    const file = current.stop();
    const seconds = (performance.now() - current.startedAt) / 1000;
    setState('idle');
    onDone(await base64Of(file), seconds);
  }, [onDone]);
  return { state, start, stop };
}
