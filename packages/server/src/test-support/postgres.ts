import pg from 'pg';

/** The test PostgreSQL server; CI must provide it, a developer may. */
export const postgresUrl = process.env.CK_TEST_DATABASE_URL;
if (process.env.CI && !postgresUrl) throw new Error('CK_TEST_DATABASE_URL must name a PostgreSQL database under CI');

/** A connection string to a fresh, empty schema of its own, so test files running at once never meet. */
export async function freshSchemaUrl(schema: string): Promise<string> {
  const client = new pg.Client({ connectionString: postgresUrl });
  await client.connect();
  await client.query(`drop schema if exists ${schema} cascade`);
  await client.query(`create schema ${schema}`);
  await client.end();
  const url = new URL(postgresUrl as string);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return url.toString();
}
