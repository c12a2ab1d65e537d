import { Mp3Encoder } from '@breezystack/lamejs';
import type { AudioFormat } from '../../validation/output-params.ts';
import { SAMPLE_RATE } from './speech.ts';

/** Encodes 24 kHz mono 16-bit samples in one of the formats the API offers. */
export function encodeAudio(samples: Int16Array, format: AudioFormat): Uint8Array {
  switch (format) {
    case 'pcm16':
      return pcmBytes(samples);
    case 'wav':
      return wav(samples);
    case 'flac':
      return flac(samples);
    case 'mp3':
      return mp3(samples);
  }
}

function pcmBytes(samples: Int16Array): Uint8Array {
  const bytes = new Uint8Array(samples.length * 2);
  const view = new DataView(bytes.buffer);
  for (let index = 0; index < samples.length; index++) view.setInt16(index * 2, samples[index] as number, true);
  return bytes;
}

function wav(samples: Int16Array): Uint8Array {
  const data = pcmBytes(samples);
  const bytes = new Uint8Array(44 + data.length);
  const view = new DataView(bytes.buffer);
  const ascii = (at: number, text: string) => {
    for (let index = 0; index < text.length; index++) bytes[at + index] = text.charCodeAt(index);
  };
  ascii(0, 'RIFF');
  view.setUint32(4, 36 + data.length, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, 1, true);
  view.setUint32(24, SAMPLE_RATE, true);
  view.setUint32(28, SAMPLE_RATE * 2, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  ascii(36, 'data');
  view.setUint32(40, data.length, true);
  bytes.set(data, 44);
  return bytes;
}

function mp3(samples: Int16Array): Uint8Array {
  const encoder = new Mp3Encoder(1, SAMPLE_RATE, 64);
  const parts: Uint8Array[] = [];
  for (let at = 0; at < samples.length; at += 1152) parts.push(encoder.encodeBuffer(samples.subarray(at, at + 1152)));
  parts.push(encoder.flush());
  return concat(parts);
}

const FLAC_BLOCK = 4096;

/**
 * FLAC with verbatim subframes: valid, lossless and simple (no prediction, so no compression).
 * Layout per the FLAC format: "fLaC", a STREAMINFO block, then frames of one mono 16-bit subframe.
 */
function flac(samples: Int16Array): Uint8Array {
  const out = new BitWriter();
  for (const char of 'fLaC') out.bits(char.charCodeAt(0), 8);
  out.bits(1, 1); // last metadata block
  out.bits(0, 7); // STREAMINFO
  out.bits(34, 24);
  out.bits(FLAC_BLOCK, 16);
  out.bits(FLAC_BLOCK, 16);
  out.bits(0, 24); // frame sizes unknown
  out.bits(0, 24);
  out.bits(SAMPLE_RATE, 20);
  out.bits(0, 3); // one channel
  out.bits(15, 5); // 16 bits per sample
  out.bits(Math.floor(samples.length / 2 ** 32), 4);
  out.bits(samples.length >>> 0, 32);
  for (let index = 0; index < 4; index++) out.bits(0, 32); // no MD5
  for (let frame = 0, at = 0; at < samples.length; frame++, at += FLAC_BLOCK) {
    const block = samples.subarray(at, at + FLAC_BLOCK);
    const start = out.length;
    out.bits(0b11111111111110, 14);
    out.bits(0, 2); // reserved, fixed block size
    out.bits(0b0111, 4); // block size: 16 bits at the end of the header
    out.bits(0b1100, 4); // sample rate in kHz at the end of the header (some parsers ignore STREAMINFO's)
    out.bits(0, 4); // mono
    out.bits(0b100, 3); // 16 bits per sample
    out.bits(0, 1);
    for (const byte of utf8Number(frame)) out.bits(byte, 8);
    out.bits(block.length - 1, 16);
    out.bits(SAMPLE_RATE / 1000, 8);
    out.bits(crc8(out.bytesFrom(start)), 8);
    out.bits(0, 1);
    out.bits(0b000001, 6); // verbatim
    out.bits(0, 1);
    for (const sample of block) out.bits(sample & 0xffff, 16);
    out.align();
    out.bits(crc16(out.bytesFrom(start)), 16);
  }
  return out.bytes();
}

/** FLAC frame numbers are written the way UTF-8 writes code points. */
function utf8Number(value: number): number[] {
  if (value < 0x80) return [value];
  const bytes: number[] = [];
  let rest = value;
  let limit = 0x20;
  while (rest >= limit * 2 || bytes.length === 0) {
    bytes.unshift(0x80 | (rest & 0x3f));
    rest >>>= 6;
    limit >>= 1;
  }
  const lead = (0xff << (7 - bytes.length)) & 0xff;
  return [lead | rest, ...bytes];
}

function crc8(bytes: Uint8Array): number {
  let crc = 0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = crc & 0x80 ? ((crc << 1) ^ 0x07) & 0xff : (crc << 1) & 0xff;
  }
  return crc;
}

function crc16(bytes: Uint8Array): number {
  let crc = 0;
  for (const byte of bytes) {
    crc ^= byte << 8;
    for (let bit = 0; bit < 8; bit++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x8005) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc;
}

class BitWriter {
  #buffer = new Uint8Array(1 << 16);
  #length = 0;
  #bit = 0;

  get length(): number {
    return this.#length;
  }

  bits(value: number, count: number): void {
    for (let shift = count - 1; shift >= 0; shift--) {
      if (this.#length >= this.#buffer.length) {
        const grown = new Uint8Array(this.#buffer.length * 2);
        grown.set(this.#buffer);
        this.#buffer = grown;
      }
      const bit = Math.floor(value / 2 ** shift) & 1;
      this.#buffer[this.#length] = (this.#buffer[this.#length] as number) | (bit << (7 - this.#bit));
      if (++this.#bit === 8) {
        this.#bit = 0;
        this.#length++;
      }
    }
  }

  align(): void {
    if (this.#bit !== 0) this.bits(0, 8 - this.#bit);
  }

  bytesFrom(start: number): Uint8Array {
    return this.#buffer.subarray(start, this.#length);
  }

  bytes(): Uint8Array {
    return this.#buffer.slice(0, this.#length);
  }
}

function concat(parts: Uint8Array[]): Uint8Array {
  const bytes = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    bytes.set(part, at);
    at += part.length;
  }
  return bytes;
}
