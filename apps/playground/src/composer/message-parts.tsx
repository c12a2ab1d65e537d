import { type ChangeEvent, useId, useState } from 'react';
import { type DraftMessage, type DraftPart, newId } from '../state/draft.ts';
import { useRecorder } from './use-recorder.ts';

const readAsDataUrl = (file: File) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });

/** Content parts of a user message: image (URL or upload, with detail), input audio, a file. */
export function MessageParts({ message, onChange }: { message: DraftMessage; onChange: (parts: DraftPart[]) => void }) {
  const [url, setUrl] = useState('');
  const [problem, setProblem] = useState('');
  const id = useId();
  const add = (part: DraftPart) => onChange([...message.parts, part]);
  const recorder = useRecorder((data, seconds) =>
    add({ id: newId(), type: 'input_audio', data, format: 'wav', name: `recording (${seconds.toFixed(1)} s).wav` }),
  );
  const upload = async (event: ChangeEvent<HTMLInputElement>, kind: 'image' | 'audio' | 'file') => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    const data = await readAsDataUrl(file);
    if (kind === 'image') add({ id: newId(), type: 'image_url', url: data, detail: 'auto' });
    else if (kind === 'file') add({ id: newId(), type: 'file', filename: file.name, fileData: data });
    else {
      const format =
        file.type.includes('mpeg') || file.name.endsWith('.mp3')
          ? 'mp3'
          : file.name.endsWith('.wav') || file.type.includes('wav')
            ? 'wav'
            : null;
      if (!format) return setProblem('Input audio must be WAV or MP3.');
      add({ id: newId(), type: 'input_audio', data: data.slice(data.indexOf(',') + 1), format, name: file.name });
    }
    setProblem('');
  };
  return (
    <div className="parts">
      {message.parts.map((part) => (
        <div key={part.id} className="part">
          <span>
            {part.type === 'image_url'
              ? `Image ${part.url.startsWith('data:') ? '(uploaded)' : part.url.slice(0, 60)}`
              : part.type === 'input_audio'
                ? `Audio ${part.name}`
                : `File ${part.filename}`}
          </span>
          {part.type === 'image_url' ? (
            <select
              aria-label="Image detail"
              value={part.detail}
              onChange={(event) =>
                onChange(
                  message.parts.map((other) =>
                    other.id === part.id ? { ...part, detail: event.target.value as 'auto' } : other,
                  ),
                )
              }
            >
              <option>auto</option>
              <option>low</option>
              <option>high</option>
            </select>
          ) : null}
          <button type="button" onClick={() => onChange(message.parts.filter((other) => other.id !== part.id))}>
            Remove part
          </button>
        </div>
      ))}
      <label htmlFor={`${id}-url`}>Image URL</label>
      <input id={`${id}-url`} value={url} onChange={(event) => setUrl(event.target.value)} placeholder="https://…" />
      <button
        type="button"
        disabled={!/^https?:\/\//.test(url)}
        onClick={() => {
          add({ id: newId(), type: 'image_url', url, detail: 'auto' });
          setUrl('');
        }}
      >
        Add image URL
      </button>
      <label htmlFor={`${id}-image`}>Upload image</label>
      <input id={`${id}-image`} type="file" accept="image/*" onChange={(event) => void upload(event, 'image')} />
      <label htmlFor={`${id}-audio`}>Upload audio (WAV or MP3)</label>
      <input
        id={`${id}-audio`}
        type="file"
        accept=".wav,.mp3,audio/wav,audio/mpeg"
        onChange={(event) => void upload(event, 'audio')}
      />
      <button
        type="button"
        onClick={() => (recorder.state === 'recording' ? void recorder.stop() : void recorder.start())}
      >
        {recorder.state === 'recording' ? 'Stop recording' : 'Record audio'}
      </button>
      {recorder.state === 'denied' ? <p role="alert">The microphone was not allowed.</p> : null}
      {recorder.state === 'unsupported' ? (
        <p role="alert">This browser cannot record here (it needs a secure page).</p>
      ) : null}
      <label htmlFor={`${id}-file`}>Upload file</label>
      <input id={`${id}-file`} type="file" onChange={(event) => void upload(event, 'file')} />
      {problem ? <p role="alert">{problem}</p> : null}
    </div>
  );
}
