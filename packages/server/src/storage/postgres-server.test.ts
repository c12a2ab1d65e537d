import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../start-server.ts';
import { freshSchemaUrl, postgresUrl } from '../test-support/postgres.ts';
import { kitFor, user } from '../test-support/servers.ts';

describe.skipIf(!postgresUrl)('the server on a real PostgreSQL server', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ port: 0, databaseUrl: await freshSchemaUrl('ck_server_test') });
  });
  afterAll(() => server?.close());

  it('stores, filters, pages, updates and deletes with the same SQL as PGlite', async () => {
    const kit = kitFor(server);
    const health = await (await fetch(`${server.origin}/health`)).json();
    expect(health.storage).toBe('postgres');
    const ids: string[] = [];
    for (let index = 0; index < 4; index++) {
      ids.push(
        (
          await kit.create({
            model: 'm',
            messages: user(`pg ${index}`),
            store: true,
            metadata: { run: 'pg', even: String(index % 2 === 0) },
            max_completion_tokens: 3,
          })
        ).id,
      );
    }
    expect((await kit.list({ metadata: { run: 'pg' } })).data.map((item) => item.id)).toEqual([...ids].reverse());
    expect(
      (await kit.list({ metadata: { run: 'pg', even: 'true' }, order: 'asc' })).data.map((item) => item.id),
    ).toEqual([ids[0], ids[2]]);
    const second = await kit.list({ metadata: { run: 'pg' }, limit: 2, after: ids[2] });
    expect(second.data.map((item) => item.id)).toEqual([ids[1], ids[0]]);
    await kit.update(ids[0] as string, { metadata: { run: 'pg', even: 'changed' } });
    expect(((await kit.retrieve(ids[0] as string)) as { metadata?: unknown }).metadata).toEqual({
      run: 'pg',
      even: 'changed',
    });
    await kit.delete(ids[1] as string);
    await expect(kit.retrieve(ids[1] as string)).rejects.toMatchObject({ status: 404 });
    const messages = await kit.messages.list(ids[2] as string);
    expect(messages.data[0]?.content).toBe('pg 2');
  });
});
