import { describe, expect, it } from 'vitest';
import { accepts, checkFiles, toContent } from './attachments.ts';
import { defaultChatLabels } from './labels.tsx';

const file = (name: string, type: string, size = 10) => new File([new Uint8Array(size)], name, { type });

describe('attachment limits', () => {
  it('matches types, wildcards and extensions, case-insensitively', () => {
    expect(accepts('image/*', file('a.PNG', 'image/png'))).toBe(true);
    expect(accepts('.pdf', file('Report.PDF', 'application/pdf'))).toBe(true);
    expect(accepts('image/png, text/plain', file('a.txt', 'text/plain'))).toBe(true);
    expect(accepts('image/*', file('a.svg.exe', 'application/x-msdownload'))).toBe(false);
    expect(accepts('', file('a.txt', 'text/plain'))).toBe(false);
  });

  it('says which file broke which limit, and keeps the ones that fit', () => {
    const { accepted, problems } = checkFiles(
      [
        file('ok.png', 'image/png'),
        file('big.png', 'image/png', 5000),
        file('x.exe', 'application/x-msdownload'),
        file('late.png', 'image/png'),
      ],
      1,
      { maxSize: 1000, maxCount: 2 },
      defaultChatLabels,
    );
    expect(accepted.map((item) => item.name)).toEqual(['ok.png']);
    expect(problems).toEqual([
      'big.png is larger than 1 KB.',
      'x.exe is not a type this chat accepts.',
      'At most 2 attachments per message.',
    ]);
  });
});

describe('the user message', () => {
  it('is plain text without attachments, and parts with them', () => {
    expect(toContent('hi', [])).toBe('hi');
    const base = { size: 1, mimeType: '' };
    expect(
      toContent('look', [
        { ...base, id: '1', kind: 'image', name: 'a.png', dataUrl: 'data:image/png;base64,AAA' },
        { ...base, id: '2', kind: 'audio', name: 'r.wav', dataUrl: 'data:audio/wav;base64,UklG' },
        { ...base, id: '3', kind: 'file', name: 'n.pdf', dataUrl: 'data:application/pdf;base64,JVBE' },
      ]),
    ).toEqual([
      { type: 'text', text: 'look' },
      { type: 'image_url', image_url: { url: 'data:image/png;base64,AAA' } },
      { type: 'input_audio', input_audio: { data: 'UklG', format: 'wav' } },
      { type: 'file', file: { filename: 'n.pdf', file_data: 'data:application/pdf;base64,JVBE' } },
    ]);
  });
});
