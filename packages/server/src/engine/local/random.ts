import { createHash, randomBytes } from 'node:crypto';

/** xoshiro128**: small, fast, and the same sequence for the same seed on every machine. */
export type Random = () => number;

export function seededRandom(seedMaterial: string | null): Random {
  const bytes = seedMaterial === null ? randomBytes(16) : createHash('sha256').update(seedMaterial).digest();
  let a = bytes.readUInt32LE(0);
  let b = bytes.readUInt32LE(4);
  let c = bytes.readUInt32LE(8);
  let d = bytes.readUInt32LE(12) || 1;
  return () => {
    const result = Math.imul(rotate(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotate(d, 11);
    return result / 4294967296;
  };
}

function rotate(value: number, shift: number): number {
  return (value << shift) | (value >>> (32 - shift));
}
