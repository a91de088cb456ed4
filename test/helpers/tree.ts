import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach } from 'vitest';

/** Files of a tree: path → content. */
export type Files = Readonly<Record<string, string | Uint8Array>>;

const created: string[] = [];

/** Writes a temporary folder from an inline object of files; removed after the test. */
export function makeTree(files: Files): string {
  const root = mkdtempSync(join(tmpdir(), 'levels-test-'));
  created.push(root);
  writeTree(root, files);
  return root;
}

export function writeTree(root: string, files: Files): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
}

afterEach(() => {
  for (const root of created.splice(0)) rmSync(root, { recursive: true, force: true });
});
