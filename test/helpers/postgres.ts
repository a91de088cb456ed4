import pg from 'pg';
import { inject } from 'vitest';

let counter = 0;

/**
 * A new, empty database on the test server, for one test: its URL (with the password). Its
 * default collation is ICU's English, as on many production servers (where 'b' sorts before
 * 'B' and 'é' next to 'e'), not the byte order the test server's initdb chose.
 */
export async function freshDatabase(): Promise<string> {
  const server = inject('postgresUrl');
  const name = `levels_${process.pid}_${Date.now().toString(36)}_${counter++}`;
  const client = new pg.Client({ connectionString: server });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name} TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'en' LOCALE 'C.UTF-8'`);
  } finally {
    await client.end();
  }
  const url = new URL(server);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Runs SQL against a database directly (to change a store behind levels' back). */
export async function sql<T = Record<string, unknown>>(url: string, text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as T[];
  } finally {
    await client.end();
  }
}
