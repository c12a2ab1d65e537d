import type { Metadata } from '../types.ts';

/** A cursor page as the API sends it. `first_id`/`last_id` are null on an empty page (the real API). */
export interface CursorPageBody<Item> {
  object: 'list';
  data: Item[];
  first_id: string | null;
  last_id: string | null;
  has_more: boolean;
}

export interface StoredListQuery {
  /** Only completions from this model. */
  model?: string;
  /** Only completions whose metadata has every one of these pairs. */
  metadata?: Metadata;
  /** The id of the last completion of the previous page. */
  after?: string;
  /** 1-100. Default (server): 20. */
  limit?: number;
  /** By creation time. The real API's default is `desc` (newest first), though the spec says `asc`. */
  order?: 'asc' | 'desc';
}

export interface MessagesQuery {
  /** The id of the last message of the previous page. */
  after?: string;
  /** Default (server): 20. */
  limit?: number;
  /** Default (server): `asc`, the order the messages were sent in. */
  order?: 'asc' | 'desc';
}

/** The `after` cursor for the page after this one, or null on the last page. */
export function nextCursor(page: Pick<CursorPageBody<{ id: string }>, 'has_more' | 'last_id' | 'data'>): string | null {
  if (!page.has_more) return null;
  return page.last_id ?? page.data[page.data.length - 1]?.id ?? null;
}

/** A list query as URL parameters, metadata as `metadata[key]=value`. */
export function listSearchParams(query: StoredListQuery | MessagesQuery = {}): URLSearchParams {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    if (key === 'metadata') {
      for (const [name, text] of Object.entries(value as Metadata)) search.append(`metadata[${name}]`, text);
    } else {
      search.set(key, String(value));
    }
  }
  return search;
}

/**
 * One page of a stored list, with the way to the next one. Iterating it with `for await` walks every
 * item of every later page too. Serializes (JSON) to the wire shape.
 */
export class CursorPage<Item extends { id: string }> implements CursorPageBody<Item> {
  declare object: 'list';
  declare data: Item[];
  declare first_id: string | null;
  declare last_id: string | null;
  declare has_more: boolean;
  readonly #fetchAfter: (after: string) => Promise<CursorPage<Item>>;

  constructor(body: CursorPageBody<Item>, fetchAfter: (after: string) => Promise<CursorPage<Item>>) {
    // Keys in wire order, so JSON.stringify(page) is the body the server sent.
    this.object = 'list';
    this.data = body.data;
    this.first_id = body.first_id;
    this.last_id = body.last_id;
    this.has_more = body.has_more;
    this.#fetchAfter = fetchAfter;
  }

  /** The `after` cursor of the next page, or null when this is the last. */
  get nextCursor(): string | null {
    return nextCursor(this);
  }

  hasNextPage(): boolean {
    return this.nextCursor !== null;
  }

  /** Fetches the next page. Throws when there is none: check `hasNextPage()` first. */
  getNextPage(): Promise<CursorPage<Item>> {
    const after = this.nextCursor;
    if (after === null) return Promise.reject(new RangeError('This is the last page.'));
    return this.#fetchAfter(after);
  }

  async *[Symbol.asyncIterator](): AsyncIterator<Item> {
    let page: CursorPage<Item> = this;
    while (true) {
      yield* page.data;
      if (!page.hasNextPage()) return;
      page = await page.getNextPage();
    }
  }
}
