import type { Random } from './random.ts';

export const SAMPLE_RATE = 24_000;

/** First and second formants (Hz) of the vowels: what makes a buzz sound like "a" or "ee". */
const VOWELS: Record<string, [number, number]> = {
  a: [730, 1090],
  e: [530, 1840],
  i: [300, 2200],
  o: [570, 840],
  u: [320, 900],
  y: [300, 2000],
};
const VOICED = new Set([...'bdgjlmnrvwz']);
const PLOSIVE = new Set([...'ptkbdgcq']);

/** Seconds per syllable (about five and a half a second, a brisk reading pace) and the pauses between words and after punctuation. */
const TIMING = { syllable: 0.185, word: 0.04, comma: 0.15, stop: 0.25 };

/** Syllables of a word: its vowel groups, each CJK character, at least one. */
export function syllables(word: string): number {
  const lower = word.toLowerCase();
  const vowelGroups = lower.match(/[aeiouy]+/g)?.length ?? 0;
  const cjk = [...lower].filter((char) => /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(char)).length;
  return Math.max(1, vowelGroups + cjk);
}

/**
 * A small formant synthesizer: each word takes its syllables' time, spread over its letters;
 * vowels are a glottal buzz through two resonators, voiced consonants a muffled buzz, the rest
 * shaped noise, with pauses between words and at punctuation. Not pretty, but speech-shaped,
 * audible, and as long as the transcript takes to say.
 */
export function synthesize(transcript: string, random: Random): Int16Array {
  const segments: { seconds: number; render: (out: Float32Array, at: number, length: number) => void }[] = [];
  const pitch = 110 + random() * 40;
  let phase = 0;
  const buzz = (f1: number, f2: number, loud: number) => (out: Float32Array, at: number, length: number) => {
    const r1 = resonator(f1, 90);
    const r2 = resonator(f2, 120);
    for (let index = 0; index < length; index++) {
      const t = (at + index) / SAMPLE_RATE;
      const f0 = pitch * (1 + 0.04 * Math.sin(2 * Math.PI * 3 * t));
      phase += f0 / SAMPLE_RATE;
      if (phase >= 1) phase -= 1;
      const source = phase < 0.4 ? Math.sin((Math.PI * phase) / 0.4) : 0;
      out[at + index] = loud * envelope(index, length) * (r1(source) * 0.6 + r2(source) * 0.4);
    }
  };
  const noise = (center: number, loud: number) => (out: Float32Array, at: number, length: number) => {
    const filter = resonator(center, 1200);
    for (let index = 0; index < length; index++)
      out[at + index] = loud * envelope(index, length) * filter(random() * 2 - 1);
  };
  const silence = () => undefined;
  for (const word of transcript.split(/\s+/).filter(Boolean)) {
    const sounds = [...word.toLowerCase()].filter((char) => /[\p{L}\p{N}]/u.test(char));
    const each = (syllables(word) * TIMING.syllable) / Math.max(1, sounds.length);
    for (const char of sounds) {
      const vowel = VOWELS[char];
      let render: (out: Float32Array, at: number, length: number) => void;
      if (vowel) render = buzz(vowel[0], vowel[1], 0.5);
      else if (VOICED.has(char)) render = buzz(250, 1200, 0.25);
      else if (/[a-z]/.test(char)) render = noise(char === 's' ? 5000 : 2500, PLOSIVE.has(char) ? 0.35 : 0.2);
      else render = buzz(600, 1500, 0.4);
      segments.push({ seconds: each, render });
    }
    const pause = /[.!?。！？]$/.test(word) ? TIMING.stop : /[,;:—–]$/.test(word) ? TIMING.comma : TIMING.word;
    segments.push({ seconds: pause, render: silence });
  }
  const total = Math.max(1, Math.round(segments.reduce((sum, segment) => sum + segment.seconds, 0) * SAMPLE_RATE));
  const out = new Float32Array(total);
  let at = 0;
  for (const segment of segments) {
    const length = Math.min(total - at, Math.round(segment.seconds * SAMPLE_RATE));
    segment.render(out, at, length);
    at += length;
  }
  const pcm = new Int16Array(total);
  for (let index = 0; index < total; index++) {
    pcm[index] = Math.max(-32768, Math.min(32767, Math.round((out[index] as number) * 20_000)));
  }
  return pcm;
}

/** Fades each sound in and out over 5 ms, so joins do not click. */
function envelope(index: number, length: number): number {
  const fade = Math.min(120, length / 2);
  return Math.min(1, index / fade, (length - index) / fade);
}

/** A two-pole band-pass filter at `frequency` with `bandwidth` (Hz), normalized to unit peak gain. */
function resonator(frequency: number, bandwidth: number): (input: number) => number {
  const r = Math.exp((-Math.PI * bandwidth) / SAMPLE_RATE);
  const a1 = 2 * r * Math.cos((2 * Math.PI * frequency) / SAMPLE_RATE);
  const a2 = -r * r;
  const gain = 1 - r;
  let y1 = 0;
  let y2 = 0;
  return (input) => {
    const y = gain * input + a1 * y1 + a2 * y2;
    y2 = y1;
    y1 = y;
    return y;
  };
}
