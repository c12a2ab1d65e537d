import type { ChatCompletionContentPart } from '@completions-kit/core';
import { type ReactNode, useState } from 'react';
import { safeLink } from '../links/safe-link.ts';
import { reveal } from '../text/reveal.ts';
import type { AnyMessage } from './message.tsx';

type ImagePart = Extract<ChatCompletionContentPart, { type: 'image_url' }>;
type AudioPart = Extract<ChatCompletionContentPart, { type: 'input_audio' }>;
type FilePart = Extract<ChatCompletionContentPart, { type: 'file' }>;

// Raster images inline as data are shown; SVG never is (it can carry script and external loads).
const inlineRaster = /^data:image\/(png|jpeg|gif|webp|avif);base64,/i;

/** An image part. A remote image loads only when the reader asks, and its host is shown first. */
export function ImageContent({
  part,
}: {
  /** An `image_url` content part. */
  part: ImagePart;
}) {
  const url = String(part.image_url?.url);
  const [load, setLoad] = useState(false);
  const link = safeLink(url);
  const detail = part.image_url?.detail ?? 'auto';
  if (inlineRaster.test(url) || (load && link)) {
    return (
      <figure data-slot="image-part" data-detail={detail}>
        <img src={url} alt={`Attachment sent with the message (detail ${detail})`} />
      </figure>
    );
  }
  if (!link) {
    return (
      <p data-slot="image-part" data-state="blocked">
        Image not shown: only http(s) and raster data images are displayed.
      </p>
    );
  }
  return (
    <p data-slot="image-part" data-state="not-loaded" data-detail={detail}>
      <button type="button" onClick={() => setLoad(true)}>
        Load image from <bdi dir="ltr">{link.host}</bdi>
      </button>
    </p>
  );
}

/** Audio the user sent, playable. */
export function AudioInputContent({
  part,
}: {
  /** An `input_audio` content part (base64 wav or mp3). */
  part: AudioPart;
}) {
  const { data, format } = part.input_audio ?? {};
  const type = format === 'mp3' ? 'audio/mpeg' : 'audio/wav';
  return (
    // biome-ignore lint/a11y/useMediaCaption: the user's own recording has no transcript to caption with.
    <audio
      data-slot="audio-input-part"
      controls
      aria-label={`Audio input (${format})`}
      src={`data:${type};base64,${data}`}
    />
  );
}

/** A file part: its name, and a download link when the data came inline. */
export function FileContent({
  part,
}: {
  /** A `file` content part: inline `file_data` or an uploaded `file_id`. */
  part: FilePart;
}) {
  const { file_data: data, file_id: id, filename } = part.file ?? {};
  const name = reveal(filename ?? id ?? 'file');
  return (
    <p data-slot="file-part">
      {data ? (
        <a
          href={String(data).startsWith('data:') ? data : `data:application/octet-stream;base64,${data}`}
          download={name}
        >
          Download {name}
        </a>
      ) : (
        <span>
          File {name}
          {id ? ` (${reveal(id)})` : ''}
        </span>
      )}
    </p>
  );
}

/** Content parts, in order: text, refusals, images, audio and files. */
export function Parts({
  parts,
  renderText,
}: {
  parts: NonNullable<Exclude<AnyMessage['content'], string>>;
  renderText: (text: string) => ReactNode;
}) {
  return (
    <>
      {parts.map((part, index) => {
        const key = `${part.type}-${index}`;
        if (part.type === 'text')
          return (
            <p key={key} data-slot="text-part">
              {renderText(part.text)}
            </p>
          );
        if (part.type === 'refusal')
          return (
            <p key={key} data-slot="message-refusal">
              {reveal(part.refusal)}
            </p>
          );
        if (part.type === 'image_url') return <ImageContent key={key} part={part} />;
        if (part.type === 'input_audio') return <AudioInputContent key={key} part={part} />;
        if (part.type === 'file') return <FileContent key={key} part={part} />;
        return null;
      })}
    </>
  );
}
