/** The API's pcm16 audio: signed 16-bit little-endian samples, 24 kHz, mono. */
export const PCM16_SAMPLE_RATE = 24_000;

const alphabet = new Uint8Array(256).fill(255);
for (const [index, character] of [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'].entries()) {
  alphabet[character.charCodeAt(0)] = index;
}

/**
 * Decodes base64 as far as it is valid: a corrupt or cut-off tail is left out and reported,
 * so what came through can still play.
 */
export function decodeBase64Prefix(base64: string): { bytes: Uint8Array; validCharacters: number; complete: boolean } {
  const text = base64.replace(/\s+/g, '');
  let valid = 0;
  while (valid < text.length && alphabet[text.charCodeAt(valid)] !== 255) valid++;
  let padding = 0;
  while (valid + padding < text.length && text[valid + padding] === '=' && padding < 2) padding++;
  const whole = valid - (valid % 4);
  const bytes = new Uint8Array((whole / 4) * 3 + (valid % 4 === 3 ? 2 : valid % 4 === 2 ? 1 : 0));
  let out = 0;
  for (let index = 0; index + 1 < valid; index += 4) {
    const a = alphabet[text.charCodeAt(index)] as number;
    const b = alphabet[text.charCodeAt(index + 1)] as number;
    const c = index + 2 < valid ? (alphabet[text.charCodeAt(index + 2)] as number) : 0;
    const d = index + 3 < valid ? (alphabet[text.charCodeAt(index + 3)] as number) : 0;
    const triple = (a << 18) | (b << 12) | (c << 6) | d;
    if (out < bytes.length) bytes[out++] = (triple >> 16) & 255;
    if (out < bytes.length && index + 2 < valid) bytes[out++] = (triple >> 8) & 255;
    if (out < bytes.length && index + 3 < valid) bytes[out++] = triple & 255;
  }
  return { bytes, validCharacters: valid, complete: valid + padding === text.length && (valid + padding) % 4 === 0 };
}

/** Wraps raw pcm16 samples in a WAV header so an <audio> element can play them. An odd last byte is dropped. */
export function pcm16ToWav(pcm: Uint8Array, sampleRate = PCM16_SAMPLE_RATE, channels = 1): Uint8Array {
  const dataLength = pcm.length - (pcm.length % 2);
  const wav = new Uint8Array(44 + dataLength);
  const view = new DataView(wav.buffer);
  const ascii = (offset: number, text: string) => {
    for (let index = 0; index < text.length; index++) wav[offset + index] = text.charCodeAt(index);
  };
  ascii(0, 'RIFF');
  view.setUint32(4, 36 + dataLength, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, channels, true);
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * channels * 2, true);
  view.setUint16(32, channels * 2, true);
  view.setUint16(34, 16, true);
  ascii(36, 'data');
  view.setUint32(40, dataLength, true);
  wav.set(pcm.subarray(0, dataLength), 44);
  return wav;
}

export type DecodedBase64 = ReturnType<typeof decodeBase64Prefix>;

/**
 * `decodeBase64Prefix` for long texts, a slice at a time with a pause between slices, so a 60 MB
 * audio part does not hold the page for seconds in one task. Resolves to null when `run.cancelled`
 * turns true (a newer text replaced this one).
 */
export async function decodeBase64InSlices(
  base64: string,
  run: { cancelled: boolean },
  sliceCharacters = 1 << 20,
): Promise<DecodedBase64 | null> {
  const parts: Uint8Array[] = [];
  let carry = '';
  let valid = 0;
  let last = decodeBase64Prefix('');
  for (let position = 0; position < base64.length && last.complete; position += sliceCharacters) {
    const text = carry + base64.slice(position, position + sliceCharacters).replace(/\s+/g, '');
    // Groups of four characters never straddle two slices: the rest waits for the next one.
    const whole = position + sliceCharacters < base64.length ? text.length - (text.length % 4) : text.length;
    carry = text.slice(whole);
    last = decodeBase64Prefix(text.slice(0, whole));
    parts.push(last.bytes);
    valid += last.validCharacters;
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (run.cancelled) return null;
  }
  const bytes = new Uint8Array(await new Blob(parts as BlobPart[]).arrayBuffer());
  return { bytes, validCharacters: valid, complete: last.complete };
}
