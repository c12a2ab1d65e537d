import type { ChatCompletionContentPart } from '@completions-kit/core';
import type { ChatLabels } from './labels.tsx';

/** A file the reader attached, read into a data URL (nothing is uploaded anywhere but with the message). */
export interface Attachment {
  id: string;
  kind: 'image' | 'file' | 'audio';
  name: string;
  mimeType: string;
  size: number;
  /** `data:<type>;base64,...` */
  dataUrl: string;
}

export interface AttachmentLimits {
  /** MIME types or extensions, as in `<input accept>`. Default: images, PDF, text and WAV. */
  accept?: string;
  /** Largest file in bytes. Default: 10 MB. */
  maxSize?: number;
  /** Most attachments per message. Default: 5. */
  maxCount?: number;
}

export const defaultAccept = 'image/png,image/jpeg,image/webp,image/gif,application/pdf,text/plain,audio/wav';

/** Whether `file` matches an `accept` list (`image/*`, `image/png`, `.pdf`). */
export function accepts(accept: string, file: { name: string; type: string }): boolean {
  return accept.split(',').some((raw) => {
    const rule = raw.trim().toLowerCase();
    if (!rule) return false;
    if (rule.startsWith('.')) return file.name.toLowerCase().endsWith(rule);
    if (rule.endsWith('/*')) return file.type.toLowerCase().startsWith(rule.slice(0, -1));
    return file.type.toLowerCase() === rule;
  });
}

/** Splits files into those that fit the limits and a message for each that does not. */
export function checkFiles(
  files: readonly File[],
  already: number,
  limits: AttachmentLimits,
  labels: Pick<ChatLabels, 'tooLarge' | 'wrongType' | 'tooMany'>,
): { accepted: File[]; problems: string[] } {
  const { accept = defaultAccept, maxSize = 10 * 1024 * 1024, maxCount = 5 } = limits;
  const accepted: File[] = [];
  const problems: string[] = [];
  for (const file of files) {
    if (!accepts(accept, file)) problems.push(labels.wrongType(file.name));
    else if (file.size > maxSize) problems.push(labels.tooLarge(file.name, maxSize));
    else if (already + accepted.length >= maxCount) {
      if (!problems.includes(labels.tooMany(maxCount))) problems.push(labels.tooMany(maxCount));
    } else accepted.push(file);
  }
  return { accepted, problems };
}

let counter = 0;
/** Reads a file into an attachment. */
export function readAttachment(file: File): Promise<Attachment> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(reader.error);
    reader.onload = () =>
      resolve({
        id: `attachment-${++counter}`,
        kind: file.type.startsWith('image/') ? 'image' : file.type.startsWith('audio/') ? 'audio' : 'file',
        name: file.name,
        mimeType: file.type,
        size: file.size,
        dataUrl: String(reader.result),
      });
    reader.readAsDataURL(file);
  });
}

/** The user message's content: plain text alone, or parts when there are attachments. */
export function toContent(text: string, attachments: readonly Attachment[]): string | ChatCompletionContentPart[] {
  if (attachments.length === 0) return text;
  const parts: ChatCompletionContentPart[] = text ? [{ type: 'text', text }] : [];
  for (const attachment of attachments) {
    if (attachment.kind === 'image') parts.push({ type: 'image_url', image_url: { url: attachment.dataUrl } });
    else if (attachment.kind === 'audio')
      parts.push({
        type: 'input_audio',
        input_audio: { data: attachment.dataUrl.slice(attachment.dataUrl.indexOf(',') + 1), format: 'wav' },
      });
    else parts.push({ type: 'file', file: { filename: attachment.name, file_data: attachment.dataUrl } });
  }
  return parts;
}
