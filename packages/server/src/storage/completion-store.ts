import type { ChatCompletion, ChatCompletionMessageParam } from '@completions-kit/core';
import { escapeText, fromJsonb, toJsonb, unescapeText } from './jsonb-text.ts';
import type { Sql } from './sql.ts';

/** What a stored completion keeps: the request as sent, so /messages and "open again" work. */
export interface StoredRequest {
  messages: ChatCompletionMessageParam[];
  /** Every other request parameter, as sent. */
  params: Record<string, unknown>;
}

export interface StoredRecord {
  id: string;
  created: number;
  model: string;
  metadata: Record<string, string>;
  request: StoredRequest;
  response: ChatCompletion;
}

export interface ListQuery {
  after?: string | undefined;
  limit: number;
  order: 'asc' | 'desc';
  model?: string | undefined;
  metadata?: Record<string, string> | undefined;
}

export interface ListResult {
  records: StoredRecord[];
  hasMore: boolean;
}

interface Row {
  id: string;
  created: number | string;
  model: string;
  metadata: Record<string, string>;
  request: StoredRequest;
  response: ChatCompletion;
}

const columns = 'id, created, model, metadata, request, response';

function toRecord(row: Row): StoredRecord {
  const { metadata, request, response } = fromJsonb({
    metadata: row.metadata,
    request: row.request,
    response: row.response,
  });
  return { ...row, created: Number(row.created), model: unescapeText(row.model), metadata, request, response };
}

/** Stored completions over either backend, with the same SQL. */
export class CompletionStore {
  constructor(readonly sql: Sql) {}

  /** One statement, so a crash leaves the record whole or absent. Resolves once it is durable. */
  async insert(record: StoredRecord): Promise<void> {
    await this.sql.query(
      'insert into completions (id, created, model, metadata, request, response) values ($1, $2, $3, $4, $5, $6)',
      [
        record.id,
        record.created,
        escapeText(record.model),
        toJsonb(record.metadata),
        toJsonb(record.request),
        toJsonb(record.response),
      ],
    );
  }

  async get(id: string): Promise<StoredRecord | null> {
    const { rows } = await this.sql.query<Row>(`select ${columns} from completions where id = $1`, [id]);
    return rows[0] ? toRecord(rows[0]) : null;
  }

  /** A page in (created, seq) order. Null when `after` names no stored completion. */
  async list(query: ListQuery): Promise<ListResult | null> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (query.model !== undefined) {
      params.push(escapeText(query.model));
      where.push(`model = $${params.length}`);
    }
    if (query.metadata !== undefined && Object.keys(query.metadata).length > 0) {
      params.push(toJsonb(query.metadata));
      where.push(`metadata @> $${params.length}::jsonb`);
    }
    if (query.after !== undefined) {
      const { rows } = await this.sql.query<{ created: number; seq: number }>(
        'select created, seq from completions where id = $1',
        [query.after],
      );
      const cursor = rows[0];
      if (!cursor) return null;
      params.push(cursor.created, cursor.seq);
      const comparison = query.order === 'desc' ? '<' : '>';
      where.push(`(created, seq) ${comparison} ($${params.length - 1}, $${params.length})`);
    }
    const direction = query.order === 'desc' ? 'desc' : 'asc';
    params.push(query.limit + 1);
    const text = `select ${columns} from completions ${where.length ? `where ${where.join(' and ')}` : ''}
      order by created ${direction}, seq ${direction} limit $${params.length}`;
    const { rows } = await this.sql.query<Row>(text, params);
    return { records: rows.slice(0, query.limit).map(toRecord), hasMore: rows.length > query.limit };
  }

  async updateMetadata(id: string, metadata: Record<string, string>): Promise<StoredRecord | null> {
    const { rows } = await this.sql.query<Row>(
      `update completions set metadata = $2 where id = $1 returning ${columns}`,
      [id, toJsonb(metadata)],
    );
    return rows[0] ? toRecord(rows[0]) : null;
  }

  async delete(id: string): Promise<boolean> {
    const { rows } = await this.sql.query('delete from completions where id = $1 returning id', [id]);
    return rows.length > 0;
  }

  close(): Promise<void> {
    return this.sql.close();
  }
}
