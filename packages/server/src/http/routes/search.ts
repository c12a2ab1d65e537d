import type { ServerResponse } from 'node:http';
import { searchDocuments } from '../../engine/local/search-documents.ts';
import { HttpError } from '../errors.ts';

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const html = (text: string) => text.replace(/[&<>"']/g, (char) => escapes[char] as string);

/** A web-search source the local model cites: a plain page, no scripts, nothing loaded from elsewhere. */
export function serveSearchDocument(slug: string, response: ServerResponse): void {
  const document = searchDocuments.find((item) => item.slug === slug);
  if (!document) throw new HttpError(404, `No search document '${slug.slice(0, 80)}'.`, 'slug', 'not_found');
  const body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${html(document.title)}</title></head><body><main><h1>${html(document.title)}</h1>${document.sentences.map((sentence) => `<p>${html(sentence)}</p>`).join('')}</main></body></html>`;
  response.writeHead(200, {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
    'x-content-type-options': 'nosniff',
  });
  response.end(body);
}
