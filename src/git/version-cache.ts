import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Ruleset } from '../model/config.js';
import { SCHEMA_FINGERPRINT, VERSION } from '../version.js';

/** What a config file version holds, as JSON: a ruleset, the Workspace's score domain (max null: none), or nothing usable. */
export type ParsedVersion =
  | { kind: 'ruleset'; ruleset: Ruleset }
  | { kind: 'workspace'; scores: { min: number; max: number | null; integer: boolean } }
  | { kind: 'invalid'; message: string };

/** Bumped when what is cached per version changes shape; the tool version and the schema count too. */
const FORMAT = 1;
const KEY = `${FORMAT}:${VERSION}:${SCHEMA_FINGERPRINT}`;

/**
 * Parsed config file versions, by git blob id, kept in the repository's git directory between
 * runs. A blob id names its content, so an entry never goes stale; entries written by another
 * version of levels (or under another schema) are dropped whole. Anything wrong with the file
 * (missing, unreadable, not ours, a read-only checkout) only means reading the versions again.
 */
export class VersionCache {
  private changed = false;

  private constructor(
    private readonly path: string,
    private readonly entries: Map<string, ParsedVersion>,
  ) {}

  static async open(gitDir: string): Promise<VersionCache> {
    const path = join(gitDir, 'levels', 'parsed-versions.json');
    let entries = new Map<string, ParsedVersion>();
    try {
      const stored = JSON.parse(await readFile(path, 'utf8')) as { key?: unknown; entries?: Record<string, ParsedVersion> };
      if (stored.key === KEY && stored.entries && typeof stored.entries === 'object') entries = new Map(Object.entries(stored.entries));
    } catch {
      // No cache yet, or one that cannot be used: start afresh.
    }
    return new VersionCache(path, entries);
  }

  get(blob: string): ParsedVersion | undefined {
    return this.entries.get(blob);
  }

  set(blob: string, version: ParsedVersion): void {
    this.entries.set(blob, version);
    this.changed = true;
  }

  /** Writes the cache if anything was added: to a temporary file, renamed over (readers never see half a file). */
  async save(): Promise<void> {
    if (!this.changed) return;
    const temporary = `${this.path}.${process.pid}.tmp`;
    try {
      await mkdir(dirname(this.path), { recursive: true });
      await writeFile(temporary, JSON.stringify({ key: KEY, entries: Object.fromEntries(this.entries) }));
      await rename(temporary, this.path);
      this.changed = false;
    } catch {
      await rm(temporary, { force: true }).catch(() => undefined);
    }
  }
}
