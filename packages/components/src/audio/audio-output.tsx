import { isRunning, type RunStatus } from '@completions-kit/core';
import { type ComponentPropsWithoutRef, forwardRef, useEffect, useRef, useState } from 'react';
import { reveal } from '../text/reveal.ts';
import { PCM16_SAMPLE_RATE, pcm16ToWav } from './pcm16.ts';
import { useDecodedAudio } from './use-decoded-audio.ts';

export type AudioFormat = 'wav' | 'mp3' | 'flac' | 'opus' | 'aac' | 'pcm16';

const types: Record<AudioFormat, string> = {
  wav: 'audio/wav',
  mp3: 'audio/mpeg',
  flac: 'audio/flac',
  opus: 'audio/ogg; codecs=opus',
  aac: 'audio/aac',
  pcm16: 'audio/wav',
};

export interface AudioOutputProps extends ComponentPropsWithoutRef<'section'> {
  /** `message.audio` (or a snapshot's, mid-stream). */
  audio: { id?: string; data?: string; transcript?: string; expires_at?: number };
  /** The request's `audio.format`; the response does not repeat it. Default: wav. */
  format?: AudioFormat;
  /** The run's status: pieces are still arriving while `submitted` or `streaming`. Shown as `data-status`. Default: done. */
  status?: RunStatus;
  /** Seconds since the epoch, for the expiry; default: the clock. */
  now?: number;
}

// While pcm16 streams, the player is refreshed once per second of new audio, not on every piece.
const REFRESH_BYTES = PCM16_SAMPLE_RATE * 2;

/**
 * Plays a model's audio reply in any API format (pcm16 wrapped as 24 kHz mono WAV), growing while
 * pcm16 streams in, with its transcript, its expiry and a download. Corrupt or cut-off data plays
 * as far as it is valid, and says so. Long data (over 1 MB of base64) decodes a slice per task.
 */
export const AudioOutput = forwardRef<HTMLElement, AudioOutputProps>(function AudioOutput(
  { audio, format = 'wav', status = 'done', now, ...props },
  ref,
) {
  const streaming = isRunning(status);
  const { decoded, pending } = useDecodedAudio(audio.data ?? '');
  const shownBytes =
    streaming && format === 'pcm16'
      ? decoded.bytes.length - (decoded.bytes.length % REFRESH_BYTES)
      : decoded.bytes.length;
  const [url, setUrl] = useState<string | null>(null);
  const player = useRef<HTMLAudioElement>(null);
  useEffect(() => {
    if (shownBytes === 0) return setUrl(null);
    const bytes = decoded.bytes.subarray(0, shownBytes);
    const body = format === 'pcm16' ? pcm16ToWav(bytes) : bytes;
    const next = URL.createObjectURL(new Blob([body as BlobPart], { type: types[format] }));
    // Keep the listener's place when a longer stream replaces the source.
    const element = player.current;
    const position = element?.currentTime ?? 0;
    const playing = element ? !element.paused : false;
    setUrl(next);
    queueMicrotask(() => {
      if (!element) return;
      element.currentTime = position;
      if (playing) void element.play().catch(() => undefined);
    });
    return () => URL.revokeObjectURL(next);
  }, [decoded, shownBytes, format]);
  const clock = now ?? Date.now() / 1000;
  const expired = audio.expires_at !== undefined && audio.expires_at <= clock;
  const damaged = !streaming && !pending && !!audio.data && !decoded.complete;
  const until = audio.expires_at ? new Date(audio.expires_at * 1000).toLocaleTimeString() : null;
  const extension = format === 'pcm16' ? 'wav' : format === 'opus' ? 'ogg' : format;
  return (
    <section
      data-slot="audio-output"
      data-format={format}
      data-status={status}
      data-state={expired ? 'expired' : 'ready'}
      data-pending={pending || undefined}
      aria-label="Audio reply"
      {...props}
      ref={ref}
    >
      {url ? (
        // biome-ignore lint/a11y/useMediaCaption: the transcript is shown right below the player.
        <audio ref={player} controls src={url} aria-label="Audio reply" data-slot="audio-player" />
      ) : (
        <p data-slot="audio-waiting">
          {pending ? 'Decoding the audio…' : streaming ? 'Audio is on its way…' : 'No audio data.'}
        </p>
      )}
      {audio.transcript ? <p data-slot="audio-transcript">{reveal(audio.transcript)}</p> : null}
      {damaged ? (
        <p role="alert" data-slot="audio-damaged">
          Part of the audio data was corrupt or cut off:{' '}
          {decoded.bytes.length > 0 ? 'what came through plays.' : 'nothing could be played.'}
        </p>
      ) : null}
      {until ? (
        <p data-slot="audio-expiry">
          {expired
            ? `Expired at ${until}: later turns can no longer refer to this audio.`
            : `Later turns can refer to this audio until ${until}.`}
        </p>
      ) : null}
      {url && !streaming ? (
        <a href={url} download={`${audio.id ?? 'audio'}.${extension}`} data-slot="audio-download">
          Download audio
        </a>
      ) : null}
    </section>
  );
});
