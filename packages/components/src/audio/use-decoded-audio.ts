import { useEffect, useMemo, useState } from 'react';
import { type DecodedBase64, decodeBase64InSlices, decodeBase64Prefix } from './pcm16.ts';

/** Up to this much base64 decodes in the render (a few milliseconds); more decodes in slices. */
const DECODE_AT_ONCE = 1 << 20;
const nothing: DecodedBase64 = { bytes: new Uint8Array(0), validCharacters: 0, complete: true };

/**
 * The bytes of an audio part's base64 `data`. Short data (a streamed pcm16 reply, a recording)
 * decodes at once; long data decodes a slice per task and is `pending` until it has (showing the
 * last data decoded meanwhile). `decoded` keeps its identity while `data` does, so a player built
 * from it is built once.
 */
export function useDecodedAudio(data: string): { decoded: DecodedBase64; pending: boolean } {
  const atOnce = data.length <= DECODE_AT_ONCE;
  const now = useMemo(() => (atOnce ? decodeBase64Prefix(data) : null), [data, atOnce]);
  const [later, setLater] = useState<{ data: string; decoded: DecodedBase64 } | null>(null);
  useEffect(() => {
    if (atOnce) return;
    const run = { cancelled: false };
    void decodeBase64InSlices(data, run).then((decoded) => {
      if (decoded) setLater({ data, decoded });
    });
    return () => {
      run.cancelled = true;
    };
  }, [data, atOnce]);
  if (now) return { decoded: now, pending: false };
  // While longer data decodes, the last decoded keeps playing (a long pcm16 stream keeps growing).
  return { decoded: later?.decoded ?? nothing, pending: later?.data !== data };
}
