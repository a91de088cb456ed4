import { open, stat, type FileHandle } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { createGunzip } from 'node:zlib';
import { InputError, describeFsError } from '../errors.js';

export type ExportFormat = 'csv' | 'jsonl';

/** An export file as found on disk, before reading it. */
export interface ExportFile {
  /** As the user named it. */
  path: string;
  absolutePath: string;
  size: number;
  format: ExportFormat;
  compressed: boolean;
}

/** Finds the file and tells its format: `.gz` by its magic bytes, JSON Lines by name or first byte. */
export async function locateExport(path: string, cwd: string): Promise<ExportFile> {
  const absolutePath = resolve(cwd, path);
  let size: number;
  try {
    const info = await stat(absolutePath);
    if (info.isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
    size = info.size;
  } catch (error) {
    throw new InputError(`The score export ${describeFsError(error, path)}.`);
  }
  const head = Buffer.alloc(64);
  let headLength = 0;
  try {
    const handle = await open(absolutePath, 'r');
    try {
      headLength = (await handle.read(head, 0, head.length, 0)).bytesRead;
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw new InputError(`The score export ${describeFsError(error, path)}.`);
  }
  const compressed = headLength >= 2 && head[0] === 0x1f && head[1] === 0x8b;
  const name = path.toLowerCase().replace(/\.gz$/, '');
  let format: ExportFormat;
  if (/\.(jsonl|ndjson|json)$/.test(name)) format = 'jsonl';
  else if (/\.(csv|tsv|txt)$/.test(name) || compressed) format = 'csv';
  else format = head.subarray(0, headLength).toString('utf8').trimStart().startsWith('{') ? 'jsonl' : 'csv';
  return { path, absolutePath, size, format, compressed };
}

/**
 * Fills buffers from the export, decompressing `.gz` on the way; the hot path reads straight
 * into the caller's buffer. `position` is how many (decompressed) bytes came before.
 */
export interface ByteSource {
  /** Reads into `buffer[offset...]`; 0 at the end. */
  read(buffer: Uint8Array, offset: number): Promise<number>;
  /** Bytes of the file itself consumed so far (compressed bytes for `.gz`), for progress. */
  readonly fileBytesRead: number;
  close(): Promise<void>;
}

export async function openSource(file: ExportFile, start = 0, end = Number.POSITIVE_INFINITY): Promise<ByteSource> {
  return file.compressed ? openGzip(file) : openPlain(file, start, end);
}

async function openPlain(file: ExportFile, start: number, end: number): Promise<ByteSource> {
  let handle: FileHandle;
  try {
    handle = await open(file.absolutePath, 'r');
  } catch (error) {
    throw new InputError(`The score export ${describeFsError(error, file.path)}.`);
  }
  let position = start;
  return {
    get fileBytesRead() {
      return position;
    },
    async read(buffer, offset) {
      const wanted = Math.min(buffer.length - offset, end - position);
      if (wanted <= 0) return 0;
      const { bytesRead } = await handle.read(buffer, offset, wanted, position);
      position += bytesRead;
      return bytesRead;
    },
    close: () => handle.close(),
  };
}

async function openGzip(file: ExportFile): Promise<ByteSource> {
  const raw = createReadStream(file.absolutePath, { highWaterMark: 1 << 20 });
  const gunzip = createGunzip({ chunkSize: 1 << 20 });
  const stream = raw.pipe(gunzip);
  raw.on('error', (error) => gunzip.destroy(error));
  const chunks = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  let pending: Buffer | undefined;
  let done = false;
  return {
    get fileBytesRead() {
      return raw.bytesRead;
    },
    async read(buffer, offset) {
      let written = 0;
      while (offset + written < buffer.length && !done) {
        if (!pending || pending.length === 0) {
          let next: IteratorResult<Buffer>;
          try {
            next = await chunks.next();
          } catch (error) {
            throw new InputError(`The score export ${file.path} is not a valid gzip file (${(error as Error).message}).`);
          }
          if (next.done) {
            done = true;
            break;
          }
          pending = next.value;
          if (written > 0) break; // Hand over what we have; keep latency low.
        }
        const count = Math.min(pending.length, buffer.length - offset - written);
        buffer.set(pending.subarray(0, count), offset + written);
        pending = pending.subarray(count);
        written += count;
      }
      return written;
    },
    async close() {
      stream.destroy();
      raw.destroy();
    },
  };
}

/** The gzip trailer's ISIZE: the uncompressed size modulo 2^32 (a good estimate below 4 GiB). */
export async function gzipUncompressedSize(file: ExportFile): Promise<number | undefined> {
  if (!file.compressed || file.size < 18) return undefined;
  const handle = await open(file.absolutePath, 'r');
  try {
    const tail = Buffer.alloc(4);
    await handle.read(tail, 0, 4, file.size - 4);
    return tail.readUInt32LE(0);
  } finally {
    await handle.close();
  }
}

// One buffer, reused: a stream would allocate (and page in) a new one for every chunk.
const HASH_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const { openSync, readSync, closeSync } = require('node:fs');
try {
  const hash = createHash('sha256');
  const buffer = Buffer.allocUnsafe(1 << 20);
  const fd = openSync(workerData, 'r');
  try {
    for (let read; (read = readSync(fd, buffer, 0, buffer.length, null)) > 0; ) hash.update(buffer.subarray(0, read));
  } finally {
    closeSync(fd);
  }
  parentPort.postMessage({ sha256: hash.digest('hex') });
} catch (error) {
  parentPort.postMessage({ error: error.message });
}
`;

/** SHA-256 of the file, computed on another core while the main thread scans it. */
export function hashFileInBackground(path: string): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const worker = new Worker(HASH_WORKER, { eval: true, workerData: path });
    worker.once('message', (message: { sha256?: string; error?: string }) => {
      void worker.terminate();
      if (message.sha256) resolvePromise(message.sha256);
      else reject(new InputError(`The score export cannot be read to fingerprint it (${message.error}).`));
    });
    worker.once('error', reject);
  });
}
