import {
  LineCounter,
  isAlias,
  isCollection,
  isMap,
  isNode,
  isPair,
  isScalar,
  isSeq,
  parseAllDocuments,
  visit,
  type Document,
  type Node,
} from 'yaml';
import type { DocumentPath } from '../findings.js';

/** Config files larger than this are refused before parsing: no real ruleset comes close. */
export const MAX_CONFIG_FILE_BYTES = 4 * 1024 * 1024;

/** How many alias expansions a document may make before it counts as an alias bomb. */
const MAX_ALIAS_COUNT = 100;

/** Keys that name object internals in JavaScript: refused wherever they appear. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** A position in a file: 1-based line and column, and the end of the node. */
export interface Position {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** A problem met while reading a file, before any rule runs. */
export interface SourceProblem {
  rule: 'yaml-syntax' | 'schema';
  message: string;
  position: Position;
  path: DocumentPath;
}

/**
 * One config file as read: its text, and its YAML document with node positions, so that every
 * finding can name the line and column of the offending node.
 */
export class SourceFile {
  readonly lineCounter = new LineCounter();
  /** The parsed document; undefined when the file could not be parsed at all. */
  document: Document.Parsed | undefined;

  constructor(
    /** Path relative to the working directory, `/`-separated (or `REF:path` for a git ref). */
    readonly path: string,
    /** The text, without a byte-order mark. */
    readonly text: string,
  ) {}

  /** Where each line starts, counted from the text itself (the parser's counter only knows what it reached). */
  private starts: number[] | undefined;

  private linePos(offset: number): { line: number; col: number } {
    if (!this.starts) {
      this.starts = [0];
      for (let i = 0; i < this.text.length; i++) if (this.text.charCodeAt(i) === 10) this.starts.push(i + 1);
    }
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, col: offset - this.starts[lo]! + 1 };
  }

  /** The position of an offset in the text. */
  positionAt(start: number, end = start): Position {
    const from = this.linePos(Math.min(start, this.text.length));
    const to = this.linePos(Math.min(Math.max(end, start), this.text.length));
    return { line: from.line, column: from.col, endLine: to.line, endColumn: to.col };
  }

  /**
   * The position of the node at `path`: its value, or with `target: 'key'` the key naming it.
   * A path that goes further than the document does resolves to the deepest node that exists.
   */
  locate(path: DocumentPath, target: 'key' | 'value' = 'value'): Position {
    const contents = this.document?.contents;
    if (!contents) return this.positionAt(0);
    let node: Node = contents;
    let keyNode: Node | undefined;
    for (const step of path) {
      keyNode = undefined;
      if (isMap(node)) {
        const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(step));
        if (!pair) break;
        keyNode = isScalar(pair.key) ? pair.key : undefined;
        if (!pair.value || !isNodeWithRange(pair.value)) {
          node = keyNode ?? node;
          break;
        }
        node = pair.value;
      } else if (isSeq(node) && typeof step === 'number' && isNodeWithRange(node.items[step])) {
        node = node.items[step] as Node;
      } else {
        break;
      }
    }
    const chosen = target === 'key' && keyNode ? keyNode : node;
    const range = chosen.range ?? [0, 0, 0];
    return this.positionAt(range[0], range[1]);
  }
}

function isNodeWithRange(value: unknown): value is Node {
  return isScalar(value) || isCollection(value) || isAlias(value);
}

export interface ParsedSource {
  source: SourceFile;
  /** The document as plain data; undefined when the file has problems that stop reading. */
  value: unknown;
  problems: SourceProblem[];
}

/**
 * Reads one config file safely: size and encoding checked, duplicate keys, custom tags, alias
 * bombs and prototype keys reported as problems, never thrown and never turned into objects.
 */
export function parseSource(path: string, content: Uint8Array | string, knownSize?: number): ParsedSource {
  const problems: SourceProblem[] = [];
  const start: Position = { line: 1, column: 1, endLine: 1, endColumn: 1 };
  const fail = (rule: SourceProblem['rule'], message: string, position = start) => {
    problems.push({ rule, message, position, path: [] });
    return { source: new SourceFile(path, typeof content === 'string' ? content : ''), value: undefined, problems };
  };

  const size = knownSize ?? (typeof content === 'string' ? Buffer.byteLength(content) : content.byteLength);
  if (size > MAX_CONFIG_FILE_BYTES) {
    return fail('yaml-syntax', `${path} is larger than the ${formatBytes(MAX_CONFIG_FILE_BYTES)} a config file may be; is it really a ruleset?`);
  }
  let text: string;
  if (typeof content === 'string') {
    text = content;
  } else {
    if (content.includes(0)) return fail('yaml-syntax', `${path} is a binary file, not YAML text.`);
    const decoded = decodeUtf8(content);
    if (decoded.invalid) {
      const { line, column } = decoded.invalid;
      return fail('yaml-syntax', `${path} is not valid UTF-8 (first bad byte on line ${line}); save it as UTF-8.`, { line, column, endLine: line, endColumn: column + 1 });
    }
    text = decoded.text;
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);

  const source = new SourceFile(path, text);
  const tooDeep = (): SourceProblem => ({ rule: 'yaml-syntax', message: `${path} is nested too deeply to be a config file.`, position: source.positionAt(0, 0), path: [] });
  // The parser recurses per level of nesting: refuse what no config needs before it runs out of stack.
  if (flowDepth(text) > MAX_FLOW_DEPTH) return { source, value: undefined, problems: [tooDeep()] };
  let documents: Document.Parsed[];
  try {
    documents = parseAllDocuments(text, {
      lineCounter: source.lineCounter,
      uniqueKeys: true,
      strict: true,
      prettyErrors: false,
      merge: false,
      // YAML 1.1 types (!!binary, !!set, !!timestamp ...) are refused like any other tag.
      resolveKnownTags: false,
    }) as Document.Parsed[];
  } catch (error) {
    return { source, value: undefined, problems: [unparsable(error, source)] };
  }
  if (!Array.isArray(documents)) documents = [documents];
  const [document, second] = documents;
  source.document = document;

  for (const doc of documents) {
    // A stack overflow inside the parser comes back as an error of the document.
    if (doc.errors.some((issue) => /call stack/i.test(issue.message))) return { source, value: undefined, problems: [tooDeep()] };
    for (const issue of [...doc.errors, ...doc.warnings]) {
      const [start, end] = atOpening(doc, text, issue.pos);
      const offending = issue.code === 'DUPLICATE_KEY' ? keyAt(doc, issue.pos[0]) : text.slice(issue.pos[0], issue.pos[1]);
      problems.push({
        rule: 'yaml-syntax',
        message: yamlMessage(issue.code, issue.message, offending),
        position: source.positionAt(start, end),
        path: [],
      });
    }
  }
  problems.sort((a, b) => a.position.line - b.position.line || a.position.column - b.position.column);
  if (problems.length > 0) return { source, value: undefined, problems };

  if (!document || document.contents === null || (isScalar(document.contents) && document.contents.value === null)) {
    problems.push({
      rule: 'schema',
      message: `${path} is empty: each YAML file in the config folder holds one document with a kind (LevelRuleset or Workspace).`,
      position: start,
      path: [],
    });
    return { source, value: undefined, problems };
  }
  if (second) {
    problems.push({
      rule: 'schema',
      message: `${path} holds ${documents.length} YAML documents; put each ruleset in its own file.`,
      position: source.positionAt(second.range[0]),
      path: [],
    });
    return { source, value: undefined, problems };
  }

  visit(document, {
    Pair(_, pair, ancestry) {
      // A key may also arrive through an alias (*name: value) of a forbidden scalar.
      const key = isPair(pair) && isAlias(pair.key) ? pair.key.resolve(document) : isPair(pair) ? pair.key : undefined;
      if (isPair(pair) && isScalar(key) && FORBIDDEN_KEYS.has(String(key.value))) {
        const range = (pair.key as { range?: [number, number, number] } | null)?.range ?? [0, 0, 0];
        problems.push({
          rule: 'schema',
          message: `The key '${String(key.value)}' is not allowed anywhere in a config file.`,
          position: source.positionAt(range[0], range[1]),
          path: pathOf(ancestry, pair),
        });
      }
    },
  });
  if (problems.length > 0) return { source, value: undefined, problems };

  try {
    return { source, value: document.toJS({ maxAliasCount: MAX_ALIAS_COUNT }), problems };
  } catch (error) {
    return { source, value: undefined, problems: [unparsable(error, source)] };
  }
}

function unparsable(error: unknown, source: SourceFile): SourceProblem {
  const position = source.positionAt(0);
  if (error instanceof ReferenceError && /^Unresolved alias/.test(error.message)) {
    const name = error.message.split(': ').pop() ?? '';
    return {
      rule: 'yaml-syntax',
      message: `The alias *${name} names no anchor (&${name}) defined before it.`,
      position: aliasPosition(source, name) ?? position,
      path: [],
    };
  }
  if (error instanceof ReferenceError && /alias/i.test(error.message)) {
    return {
      rule: 'yaml-syntax',
      message: `${source.path} expands YAML aliases too many times (more than ${MAX_ALIAS_COUNT}), as an alias bomb does; write the values out.`,
      position: aliasPosition(source) ?? position,
      path: [],
    };
  }
  if (error instanceof RangeError) {
    return { rule: 'yaml-syntax', message: `${source.path} is nested too deeply to be a config file.`, position, path: [] };
  }
  return {
    rule: 'yaml-syntax',
    message: `${source.path} cannot be parsed as YAML: ${error instanceof Error ? error.message : String(error)}.`,
    position,
    path: [],
  };
}

function yamlMessage(code: string, message: string, source: string): string {
  const text = message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  switch (code) {
    case 'DUPLICATE_KEY':
      return `Duplicate key '${source}': it appears twice in the same mapping; keep one.`;
    case 'TAG_RESOLVE_FAILED':
      return `The tag ${source} is not allowed: config files hold plain YAML values (text, numbers, true or false, lists and mappings).`;
    default:
      return `YAML syntax error: ${text.replace(/\.$/, '')}.`;
  }
}

/**
 * Errors found at the end of the text (an unclosed `[`, `{` or quote) are reported where the
 * unclosed node opens, which is where the fix is.
 */
function atOpening(document: Document.Parsed, text: string, pos: readonly [number, number]): [number, number] {
  if (text.slice(pos[0]).trim() !== '') return [pos[0], pos[1]];
  let opening: [number, number] | undefined;
  visit(document, (_, node) => {
    if (!isNode(node) || !node.range || node.range[0] > pos[0] || (opening && node.range[0] <= opening[0])) return;
    const written = text.slice(node.range[0], node.range[1]).trimEnd();
    const closer = isCollection(node) && node.flow ? (isMap(node) ? '}' : ']') : isScalar(node) && node.type === 'QUOTE_DOUBLE' ? '"' : isScalar(node) && node.type === 'QUOTE_SINGLE' ? "'" : undefined;
    if (closer && (written.length < 2 || !written.endsWith(closer))) opening = [node.range[0], node.range[0] + 1];
  });
  return opening ?? [pos[0], pos[1]];
}

/** The text of the map key that starts at `offset`. */
function keyAt(document: Document.Parsed, offset: number): string {
  let key = '';
  visit(document, {
    Pair(_, pair) {
      if (isScalar(pair.key) && pair.key.range?.[0] === offset) {
        key = String(pair.key.value);
        return visit.BREAK;
      }
    },
  });
  return key;
}

/** Where the alias `*name` (or, without a name, the first alias) is written. */
function aliasPosition(source: SourceFile, name?: string): Position | undefined {
  let found: Position | undefined;
  if (!source.document) return undefined;
  visit(source.document, {
    Alias(_, node) {
      if (found || (name !== undefined && node.source !== name) || !node.range) return;
      found = source.positionAt(node.range[0], node.range[1]);
      return visit.BREAK;
    },
  });
  return found;
}

function pathOf(ancestry: readonly unknown[], last: unknown): (string | number)[] {
  const path: (string | number)[] = [];
  const chain = [...ancestry, last];
  for (let i = 1; i < chain.length; i++) {
    const parent = chain[i - 1];
    const child = chain[i];
    if (isSeq(parent)) path.push(parent.items.indexOf(child as never));
    else if (isPair(child) && isScalar(child.key)) path.push(String(child.key.value));
  }
  return path;
}

function decodeUtf8(bytes: Uint8Array): { text: string; invalid?: { line: number; column: number } } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    const offset = firstInvalidUtf8(bytes);
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < offset; i++) {
      if (bytes[i] === 10) {
        line++;
        lineStart = i + 1;
      }
    }
    return { text: '', invalid: { line, column: offset - lineStart + 1 } };
  }
}

/** The offset of the first byte that does not belong to a well-formed UTF-8 sequence. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    for (let k = 1; k < length; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    // Overlong forms, surrogates and code points above U+10FFFF.
    const second = bytes[i + 1]!;
    if ((b === 0xe0 && second < 0xa0) || (b === 0xed && second > 0x9f) || (b === 0xf0 && second < 0x90) || (b === 0xf4 && second > 0x8f)) return i;
    i += length;
  }
  return bytes.length;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value >= 10 ? Math.round(value) : value.toFixed(1).replace(/\.0$/, '')} ${units[unit]}`;
}

/** Brackets deeper than this are refused: a config nests a few levels, the YAML parser recurses per level. */
const MAX_FLOW_DEPTH = 64;

/** The deepest nesting of flow collections (`[`, `{`) outside quotes and comments. */
function flowDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let quote = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quote !== 0) {
      if (c === quote) quote = 0;
      else if (c === 10 && quote === 39) quote = 0; // A single-quoted scalar never spans a line here that matters.
      continue;
    }
    if (c === 34 || c === 39) quote = c;
    else if (c === 35 && (i === 0 || text.charCodeAt(i - 1) === 32 || text.charCodeAt(i - 1) === 10)) {
      const end = text.indexOf('\n', i);
      if (end < 0) break;
      i = end;
    } else if (c === 91 || c === 123) {
      depth++;
      if (depth > deepest) deepest = depth;
    } else if ((c === 93 || c === 125) && depth > 0) depth--;
  }
  return deepest;
}
