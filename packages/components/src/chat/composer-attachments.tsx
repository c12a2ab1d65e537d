import { type ComponentPropsWithoutRef, forwardRef, useCallback, useRef, useState } from 'react';
import { defaultAccept } from './attachments.ts';
import { useComposerContext } from './composer-context.ts';
import { recordWav } from './record-wav.ts';

/** Opens the file picker; what is picked is checked against the limits and attached. */
export const ComposerAttach = forwardRef<HTMLButtonElement, ComponentPropsWithoutRef<'button'>>(function ComposerAttach(
  { children, onClick, ...props },
  ref,
) {
  const composer = useComposerContext('Attach');
  const input = useRef<HTMLInputElement | null>(null);
  return (
    <>
      <input
        ref={input}
        type="file"
        multiple
        hidden
        tabIndex={-1}
        aria-hidden="true"
        accept={composer.limits.accept ?? defaultAccept}
        onChange={(event) => {
          composer.addFiles([...(event.target.files ?? [])]);
          event.target.value = '';
        }}
      />
      <button
        data-slot="composer-attach"
        type="button"
        disabled={composer.disabled}
        aria-label={composer.labels.attach}
        title={composer.labels.attach}
        {...props}
        ref={ref}
        onClick={(event) => {
          onClick?.(event);
          if (!event.defaultPrevented) input.current?.click();
        }}
      >
        {children ?? '+'}
      </button>
    </>
  );
});

/** Records the microphone as WAV and attaches the recording. */
export const ComposerRecord = forwardRef<HTMLButtonElement, ComponentPropsWithoutRef<'button'>>(function ComposerRecord(
  { children, ...props },
  ref,
) {
  const composer = useComposerContext('Record');
  const [session, setSession] = useState<{ stop: () => File } | null>(null);
  const toggle = useCallback(async () => {
    if (session) {
      setSession(null);
      composer.addFiles([session.stop()]);
      return;
    }
    try {
      setSession(await recordWav());
    } catch {
      composer.report([composer.labels.recordingDenied]);
    }
  }, [session, composer]);
  return (
    <button
      data-slot="composer-record"
      data-state={session ? 'recording' : 'idle'}
      type="button"
      aria-pressed={!!session}
      disabled={composer.disabled}
      aria-label={session ? composer.labels.stopRecording : composer.labels.record}
      title={session ? composer.labels.stopRecording : composer.labels.record}
      {...props}
      ref={ref}
      onClick={() => void toggle()}
    >
      {children ?? (session ? '■' : '●')}
    </button>
  );
});

/** The attached files, each with a remove button; images show as thumbnails. */
export const ComposerAttachments = forwardRef<HTMLUListElement, ComponentPropsWithoutRef<'ul'>>(
  function ComposerAttachments(props, ref) {
    const composer = useComposerContext('Attachments');
    if (composer.attachments.length === 0) return null;
    return (
      <ul data-slot="composer-attachments" aria-label={composer.labels.attachments} {...props} ref={ref}>
        {composer.attachments.map((attachment) => (
          <li key={attachment.id} data-slot="composer-attachment" data-kind={attachment.kind}>
            {attachment.kind === 'image' ? <img src={attachment.dataUrl} alt="" width={40} height={40} /> : null}
            <span data-slot="composer-attachment-name">{attachment.name}</span>
            <button
              type="button"
              data-slot="composer-attachment-remove"
              aria-label={composer.labels.removeAttachment(attachment.name)}
              onClick={() => composer.removeAttachment(attachment.id)}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
    );
  },
);

/** Why a file was not attached (type, size, count), read out as it appears. */
export const ComposerProblems = forwardRef<HTMLDivElement, ComponentPropsWithoutRef<'div'>>(
  function ComposerProblems(props, ref) {
    const composer = useComposerContext('Problems');
    return (
      <div data-slot="composer-problems" id={composer.problemsId} role="alert" {...props} ref={ref}>
        {composer.problems.map((problem) => (
          <p key={problem}>{problem}</p>
        ))}
      </div>
    );
  },
);
