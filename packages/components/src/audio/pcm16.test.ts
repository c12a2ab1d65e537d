import { describe, expect, it } from 'vitest';
import { decodeBase64InSlices, decodeBase64Prefix, pcm16ToWav } from './pcm16.ts';

describe('pcm16 to WAV', () => {
  it('writes a RIFF header for 24 kHz mono 16-bit and copies the samples', () => {
    const pcm = new Uint8Array([1, 0, 255, 127, 0, 128]);
    const wav = pcm16ToWav(pcm);
    const view = new DataView(wav.buffer);
    const text = (offset: number) => String.fromCharCode(...wav.subarray(offset, offset + 4));
    expect([text(0), text(8), text(12), text(36)]).toEqual(['RIFF', 'WAVE', 'fmt ', 'data']);
    expect(view.getUint32(4, true)).toBe(36 + 6);
    expect(view.getUint16(22, true)).toBe(1);
    expect(view.getUint32(24, true)).toBe(24_000);
    expect(view.getUint32(28, true)).toBe(48_000);
    expect(view.getUint16(34, true)).toBe(16);
    expect(view.getUint32(40, true)).toBe(6);
    expect([...wav.subarray(44)]).toEqual([...pcm]);
  });

  it('drops an odd trailing byte (a sample cut in half mid-stream)', () => {
    expect(pcm16ToWav(new Uint8Array([1, 2, 3])).length).toBe(46);
  });

  it('decodes valid base64 whole and a corrupt one as far as it is valid', () => {
    const bytes = new Uint8Array(Array.from({ length: 300 }, (_, index) => index % 256));
    const base64 = Buffer.from(bytes).toString('base64');
    expect(decodeBase64Prefix(base64)).toEqual({
      bytes,
      validCharacters: base64.length - (base64.endsWith('=') ? 0 : 0),
      complete: true,
    });
    const corrupt = decodeBase64Prefix(`${base64.slice(0, 40)}!!!${base64.slice(43)}`);
    expect(corrupt.complete).toBe(false);
    expect([...corrupt.bytes]).toEqual([...bytes.subarray(0, 30)]);
    const cut = decodeBase64Prefix(base64.slice(0, 41));
    expect([...cut.bytes]).toEqual([...bytes.subarray(0, 30)]);
    expect(cut.complete).toBe(false);
  });
});

describe('decoding base64 a slice at a time', () => {
  const bytes = Uint8Array.from({ length: 1000 }, (_, index) => (index * 37) % 256);
  const base64 = btoa(String.fromCharCode(...bytes));

  it('gives the bytes a decode in one piece gives, whatever the slice size and line breaks', async () => {
    const wrapped = base64.replace(/.{76}/g, '$&\n');
    for (const size of [5, 7, 64, 999, 5000]) {
      const decoded = await decodeBase64InSlices(wrapped, { cancelled: false }, size);
      expect(decoded?.complete).toBe(true);
      expect([...(decoded?.bytes ?? [])]).toEqual([...bytes]);
    }
  });

  it('keeps what came through before a corrupt tail, and says it was corrupt', async () => {
    const decoded = await decodeBase64InSlices(
      `${base64.slice(0, 400)}!!!${base64.slice(400)}`,
      { cancelled: false },
      64,
    );
    expect(decoded?.complete).toBe(false);
    expect([...(decoded?.bytes ?? [])]).toEqual([...decodeBase64Prefix(base64.slice(0, 400)).bytes]);
  });

  it('stops when a newer text replaced this one', async () => {
    const run = { cancelled: false };
    const pending = decodeBase64InSlices(base64, run, 16);
    run.cancelled = true;
    expect(await pending).toBeNull();
  });
});
