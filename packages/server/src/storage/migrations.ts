import type { Sql } from './sql.ts';

// Each entry runs once, in order, inside a transaction; the table `ck_migrations` remembers which ran.
const migrations: string[] = [
  `create table completions (
     seq bigserial primary key,
     id text not null unique,
     created bigint not null,
     model text not null,
     metadata jsonb not null default '{}'::jsonb,
     request jsonb not null,
     response jsonb not null
   );
   -- Lists page newest-first (the real API's default) or oldest-first by (created, seq).
   create index completions_created on completions (created, seq);
   create index completions_model_created on completions (model, created, seq);
   create index completions_metadata on completions using gin (metadata jsonb_path_ops);`,
];

export async function migrate(sql: Sql): Promise<void> {
  await sql.exec(
    'create table if not exists ck_migrations (version integer primary key, applied_at timestamptz not null default now())',
  );
  const { rows } = await sql.query<{ version: number }>('select version from ck_migrations');
  const applied = new Set(rows.map((row) => Number(row.version)));
  for (const [index, statement] of migrations.entries()) {
    const version = index + 1;
    if (applied.has(version)) continue;
    await sql.exec(`begin; ${statement}; insert into ck_migrations (version) values (${version}); commit;`);
  }
}
