/**
 * Fuzzing the two parsers that read what users hand in: the YAML config loader and the score
 * export reader. Whatever the input, they must answer with findings, counts and rejected rows, or
 * with the product's own UserError: never another exception, never a polluted prototype, never a
 * position outside the file. Valid exports, however they are written, must read back exactly.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../src/errors.js';
import { readExport, type ExportSummary, type ReadOptions } from '../src/exports/reader.js';
import type { Row } from '../src/exports/row.js';
import { lint } from '../src/lint/engine.js';
import type { Config } from '../src/model/config.js';
import { loadConfig, loadWorkspace, parseConfig, type ConfigFile } from '../src/model/load.js';
import { parseSource, type Position } from '../src/model/source.js';

// ---------------------------------------------------------------------------------------------
// Shared helpers
// ---------------------------------------------------------------------------------------------

/**
 * Per test: passing, the whole file takes well under a minute; the room is for fast-check to
 * shrink a failure to a small counterexample (many reads of a file) instead of timing out.
 */
const TIMEOUT = 180_000;

/** Anything thrown must be the product's own error; anything else is a crash. */
function onlyUserError(error: unknown, what: string): UserError {
  if (error instanceof UserError) return error;
  const detail = error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ''}` : String(error);
  throw new Error(`${what} threw something other than a UserError: ${detail}`);
}

const PROTOTYPES = [Object.prototype, Array.prototype, Function.prototype, String.prototype, Number.prototype, Boolean.prototype];
const prototypeKeys = () => PROTOTYPES.map((prototype) => Reflect.ownKeys(prototype).map(String).sort().join(','));
const PROTOTYPE_BASELINE = prototypeKeys();

function expectNoPollution(): void {
  expect(({} as Record<string, unknown>).polluted, 'Object.prototype.polluted').toBeUndefined();
  expect(([] as unknown as Record<string, unknown>).polluted, 'Array.prototype.polluted').toBeUndefined();
  expect(prototypeKeys(), 'the built-in prototypes gained or lost keys').toEqual(PROTOTYPE_BASELINE);
}

const FORBIDDEN_KEYS = ['__proto__', 'constructor', 'prototype'];

/**
 * Walks a parsed value: only plain data (text, numbers, booleans, null, arrays, plain objects),
 * every object with its ordinary prototype. With `forbidKeys`, no own key may name an object
 * internal (the loader promises to refuse those keys wherever they appear).
 */
function expectPlainData(value: unknown, forbidKeys: boolean, path = '$', seen = new Set<object>()): void {
  if (value === null || value === undefined || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return;
  expect(typeof value, `${path} is a ${typeof value}, not plain data`).toBe('object');
  const object = value as object;
  if (seen.has(object)) return;
  seen.add(object);
  if (Array.isArray(object)) {
    expect(Object.getPrototypeOf(object) === Array.prototype, `${path}: an array with a changed prototype`).toBe(true);
    object.forEach((item, i) => expectPlainData(item, forbidKeys, `${path}[${i}]`, seen));
    return;
  }
  expect(Object.getPrototypeOf(object) === Object.prototype, `${path}: an object whose prototype is not Object.prototype`).toBe(true);
  for (const key of Reflect.ownKeys(object)) {
    expect(typeof key, `${path}: a symbol key`).toBe('string');
    if (forbidKeys) expect(FORBIDDEN_KEYS.includes(key as string), `${path} has an own key '${String(key)}' that the loader should have refused`).toBe(false);
    expectPlainData((object as Record<string, unknown>)[key as string], forbidKeys, `${path}.${String(key)}`, seen);
  }
}

// ---------------------------------------------------------------------------------------------
// YAML loader
// ---------------------------------------------------------------------------------------------

/**
 * Lengths of the lines of a config file, as the loader can count them: UTF-16 units of the text
 * without its byte-order mark, or for bytes the larger of the byte and UTF-16 lengths (positions
 * of bad UTF-8 are given in bytes). YAML breaks lines at LF only (CRLF ends in LF).
 */
function lineLengths(content: string | Uint8Array): number[] {
  const textLengths = (text: string) => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).split('\n').map((line) => line.length);
  if (typeof content === 'string') return textLengths(content);
  const byteLengths: number[] = [];
  let start = 0;
  for (let i = 0; i <= content.length; i++) {
    if (i === content.length || content[i] === 10) {
      byteLengths.push(i - start);
      start = i + 1;
    }
  }
  const decoded = textLengths(new TextDecoder('utf-8', { ignoreBOM: true }).decode(content));
  return byteLengths.map((length, i) => Math.max(length, decoded[i] ?? 0));
}

function expectPositionWithin(position: Pick<Position, 'line' | 'column'> & Partial<Pick<Position, 'endLine' | 'endColumn'>>, lengths: readonly number[], what: string): void {
  const lines = lengths.length;
  const at = `${what} at ${JSON.stringify(position)} in a file of ${lines} line(s) [${lengths.slice(0, 12).join(',')}${lines > 12 ? ',…' : ''}]`;
  const { line, column } = position;
  expect(Number.isInteger(line) && line >= 1 && line <= lines, `line: ${at}`).toBe(true);
  expect(Number.isInteger(column) && column >= 1 && column <= lengths[line - 1]! + 1, `column: ${at}`).toBe(true);
  if (position.endLine === undefined && position.endColumn === undefined) return;
  const endLine = position.endLine!;
  const endColumn = position.endColumn!;
  expect(Number.isInteger(endLine) && endLine >= line && endLine <= lines, `endLine: ${at}`).toBe(true);
  expect(Number.isInteger(endColumn) && endColumn >= 1 && endColumn <= lengths[endLine - 1]! + 1, `endColumn: ${at}`).toBe(true);
  if (endLine === line) expect(endColumn >= column, `end before start: ${at}`).toBe(true);
}

/** The invariants of a loaded config, whatever its files held. */
function expectSoundConfig(config: Config, files: readonly ConfigFile[]): void {
  const byPath = new Map(files.map((file) => [file.path, file]));
  expect(config.sources.map((source) => source.path).sort()).toEqual([...byPath.keys()].sort());
  for (const problem of config.problems) {
    expect(['yaml-syntax', 'schema'], `rule of ${JSON.stringify(problem.message)}`).toContain(problem.rule);
    expect(typeof problem.message === 'string' && problem.message.trim() !== '', `a finding without a message: ${JSON.stringify(problem.message)}`).toBe(true);
    expect(Array.isArray(problem.path)).toBe(true);
    const file = byPath.get(problem.source.path);
    expect(file, `a finding for an unknown file ${problem.source.path}`).toBeDefined();
    expectPositionWithin(problem.position, lineLengths(file!.content), `${problem.rule} finding ${JSON.stringify(problem.message.slice(0, 120))}`);
  }
  // A file with problems contributes nothing; a file without contributes exactly one document.
  for (const file of files) {
    const problems = config.problems.filter((problem) => problem.source.path === file.path).length;
    const documents = config.rulesets.filter((ruleset) => ruleset.source.path === file.path).length + (config.workspaceSource?.path === file.path ? 1 : 0);
    expect(documents, `${file.path}: ${problems} problem(s) but ${documents} document(s) kept`).toBe(problems > 0 ? 0 : 1);
  }
  for (const ruleset of config.rulesets) expectPlainData(ruleset.ruleset, true, `ruleset ${String(ruleset.ruleset.id)}`);
  expectPlainData(config.workspace, true, 'workspace');
}

/** Parses files in memory the way the loader does; checks everything; returns the config, if any. */
function parseAndCheck(files: readonly ConfigFile[]): Config | undefined {
  let config: Config;
  try {
    config = parseConfig(files, { folder: 'levels' });
  } catch (error) {
    onlyUserError(error, 'parseConfig');
    expectNoPollution();
    return undefined;
  }
  expectNoPollution();
  expectSoundConfig(config, files);
  return config;
}

const KEYS = [
  'kind', 'id', 'name', 'levels', 'min', 'max', 'primary', 'enabled', 'description', 'color', 'owner', 'expected_share', 'scores', 'integer',
  'store', 'lint', 'rules', 'gap', '__proto__', 'constructor', 'prototype', 'polluted', '<<', 'a', '"__proto__"', "'constructor'", 'toString',
  'hasOwnProperty', 'valueOf', '__defineGetter__', '"\\x5f_proto__"',
];
const SCALARS = [
  'LevelRuleset', 'Workspace', 'true', 'false', 'null', '~', '0', '-1', '1.5', '-0', '1e400', '-1e400', '.inf', '-.inf', '.nan', '.NaN',
  '0x1F', '0o17', '0b101', '1_000', '+12', '007', '""', "''", '"\\u0000"', '"\\x00"', '"\\uD800"', '"\\U0001F600"', "'it''s'", '"a\\"b"',
  '"\\', '2001-12-14', '2001-12-14T21:59:43.10-05:00', '12:30:00', 'yes', 'no', 'on', 'off', 'Y', '|', '>', '|-', '>+', '|2', '"10-20%"',
  '<= 5%', 'red', '#fff', 'sqlite:x.db', 'postgres://u:p@h/d', '9007199254740993', '1e-400', '0.1', 'Unassigned',
];
const SYNTAX = [
  ': ', ':', '- ', '-', '? ', '{', '}', '[', ']', ', ', ',', '\n', '\n', '\n', '\r\n', '\r', '\t', ' ', '  ', '    ', '#', ' # note', '---',
  '---\n', '...', '\n...\n', '%YAML 1.2\n', '%YAML 1.1\n', '%TAG ! tag:x,2000:\n', '%TAG !e! tag:e,2000:\n', '%FOO bar\n', '&a ', '*a', '&b ',
  '*b', '&__proto__ ', '*__proto__', '*a : ', '!!str ', '!!int ', '!!float ', '!!bool ', '!!null ', '!!map ', '!!seq ', '!!binary ',
  '!!set ', '!!omap ', '!!pairs ', '!!timestamp ', '!!merge ', '!!js/function ', '!custom ', '!vault ', '!e!x ', '!<tag:yaml.org,2002:str> ',
  '!<!x> ', '! ', '!', '!!', '@', '`', '"', "'", '\\', '\uFEFF', '\u0085', '\u2028', '\u2029', '\u00a0', '🙂', 'é', '\0', '\x7f', '\x1b',
  '\v', '\f', '\ud800',
];
/** Attempts at prototype pollution through YAML keys, anchors, aliases and merges. */
const POLLUTION = [
  '__proto__: {polluted: true}\n',
  '"__proto__": {polluted: true}\n',
  "'__proto__':\n  polluted: true\n",
  '? __proto__\n: {polluted: 1}\n',
  '{__proto__: {polluted: 1}}',
  '[{__proto__: {polluted: 1}}]',
  'constructor: {prototype: {polluted: 1}}\n',
  'x: &p {polluted: 1}\n__proto__: *p\n',
  'x: &k __proto__\n*k : {polluted: 1}\n',
  'x: &k constructor\n*k : {prototype: {polluted: 1}}\n',
  '<<: {__proto__: {polluted: 1}}\n',
  '<<: *p\n',
  '__proto__:\n  - polluted\n',
  '"\\x5f_proto__": {polluted: 1}\n',
  '!!str __proto__: {polluted: 1}\n',
  '? [__proto__]\n: {polluted: 1}\n',
  'levels:\n  - {name: a, min: 0, __proto__: {polluted: 1}}\n',
];
const CLOSERS: Record<string, string> = { '[': ']', '{': '}', '{a: ': '}', '[{a: ': '}]', 'a: [': ']', '- ': '', '? ': '', '- [': ']' };

const nestingArb = fc
  .record({
    open: fc.constantFrom(...Object.keys(CLOSERS)),
    depth: fc.oneof({ weight: 12, arbitrary: fc.integer({ min: 1, max: 80 }) }, { weight: 1, arbitrary: fc.integer({ min: 81, max: 2500 }) }),
    closed: fc.boolean(),
  })
  .map(({ open, depth, closed }) => `${open.repeat(depth)}x${closed ? CLOSERS[open]!.repeat(depth) : ''}`);
const blockNestingArb = fc.integer({ min: 1, max: 120 }).map((depth) => `${Array.from({ length: depth }, (_, i) => `${' '.repeat(i)}a:`).join('\n')} 1\n`);
const aliasBombArb = fc.record({ width: fc.integer({ min: 2, max: 10 }), depth: fc.integer({ min: 1, max: 9 }) }).map(({ width, depth }) => {
  const lines = [`a0: &a0 [${Array(width).fill('"x"').join(', ')}]`];
  for (let d = 1; d <= depth; d++) lines.push(`a${d}: &a${d} [${Array(width).fill(`*a${d - 1}`).join(', ')}]`);
  return `${lines.join('\n')}\n`;
});

const yamlFragmentArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...KEYS.map((key) => `${key}: `), ...KEYS) },
  { weight: 5, arbitrary: fc.constantFrom(...SCALARS) },
  { weight: 10, arbitrary: fc.constantFrom(...SYNTAX) },
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 12 }).map((indent) => `\n${' '.repeat(indent)}`) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
  { weight: 1, arbitrary: nestingArb },
  { weight: 1, arbitrary: blockNestingArb },
  { weight: 1, arbitrary: aliasBombArb },
  { weight: 2, arbitrary: fc.constantFrom(...POLLUTION) },
);
const yamlishArb = fc.array(yamlFragmentArb, { maxLength: 40 }).map((parts) => parts.join(''));

// Near-valid documents, so that fuzzing reaches schema validation and the lint rules too.
const numberArb = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: -20, max: 120 }).map(String) },
  {
    weight: 2,
    arbitrary: fc.constantFrom('0', '-0', '1.5', '1e3', '1e400', '-1e400', '.inf', '-.inf', '.nan', '9007199254740993', '1e-400', '0x10', '0o7', '"5"', '1_000', '4.9e-324', '1.7976931348623157e308', '~', 'null', 'true', '[]', '{}', "''", '-1e15', '99.999'),
  },
  { weight: 1, arbitrary: fc.double({ noNaN: true }).map(String) },
);
const textArb = fc.oneof(
  fc.constantFrom('Gold', 'Target', 'Unassigned', '" unassigned "', 'gold', 'GOLD', '""', '"  "', "'x'", '"\\u0000"', '🙂', 'a b', '"a: b"', '|\n      multi\n      line', '123', 'null', 'Level 1', 'L1'),
  fc.string({ unit: 'grapheme', maxLength: 8 }).map((text) => JSON.stringify(text)),
);
const levelArb = fc
  .record({
    flow: fc.boolean(),
    name: textArb,
    min: fc.option(numberArb, { nil: undefined, freq: 8 }),
    max: fc.option(numberArb, { nil: undefined }),
    color: fc.option(fc.constantFrom('red', '"#fff"', 'blue', '"#ABCDEF"', 'purple', 'x', '"#12345"', 'grey'), { nil: undefined }),
    share: fc.option(fc.constantFrom('"10-20%"', '"<= 5%"', '"> 30%"', '"20-10%"', '"10-200%"', '"abc"', '5', '"0-100%"', '"1e3%"', '"100.5-101%"', '"0%-0%"'), { nil: undefined }),
    owner: fc.option(textArb, { nil: undefined }),
    extra: fc.option(fc.constantFrom('minn: 1', 'constructor: 1', 'levels: []', '"": 1', '__proto__: {polluted: 1}'), { nil: undefined, freq: 6 }),
  })
  .map((level) => {
    const pairs = [`name: ${level.name}`, level.min === undefined ? '' : `min: ${level.min}`, level.max === undefined ? '' : `max: ${level.max}`];
    if (level.color) pairs.push(`color: ${level.color}`);
    if (level.share) pairs.push(`expected_share: ${level.share}`);
    if (level.owner) pairs.push(`owner: ${level.owner}`);
    if (level.extra) pairs.push(level.extra);
    const kept = pairs.filter(Boolean);
    const multiline = kept.some((pair) => pair.includes('\n'));
    return level.flow && !multiline ? `  - { ${kept.join(', ')} }` : `  - ${kept.join('\n    ')}`;
  });
const rulesetDocArb = fc
  .record({
    id: fc.constantFrom('tiers', 'tiers', 'fit', 'Tiers', 'a-b', '-a', 'a'.repeat(64), '"tiers"', '1', '""', 'a_b', '🙂'),
    name: textArb,
    primary: fc.constantFrom(undefined, 'true', 'true', 'false', '"true"', 'yes', '1'),
    enabled: fc.constantFrom(undefined, undefined, 'true', 'false', 'null'),
    levels: fc.array(levelArb, { maxLength: 6 }),
  })
  .map(({ id, name, primary, enabled, levels }) =>
    [
      'kind: LevelRuleset',
      `id: ${id}`,
      `name: ${name}`,
      primary === undefined ? '' : `primary: ${primary}`,
      enabled === undefined ? '' : `enabled: ${enabled}`,
      levels.length === 0 ? 'levels: []' : `levels:\n${levels.join('\n')}`,
      '',
    ]
      .filter((line, i, all) => line !== '' || i === all.length - 1)
      .join('\n'),
  );
const workspaceDocArb = fc
  .record({
    min: fc.option(numberArb, { nil: undefined }),
    max: fc.option(numberArb, { nil: undefined }),
    integer: fc.constantFrom(undefined, 'true', 'false', '"no"'),
    store: fc.constantFrom(undefined, 'sqlite:x.db', '"postgres://u@h/d"', '1', 'null'),
    rules: fc.array(fc.tuple(fc.constantFrom('gap', 'overlap', 'level-count', 'missing-owner', 'schema', 'yaml-syntax', 'bogus', '__proto__', 'constructor'), fc.constantFrom('error', 'warning', 'info', 'off', 'loud')), { maxLength: 3 }),
  })
  .map(({ min, max, integer, store, rules }) => {
    const scores = [min === undefined ? '' : `min: ${min}`, max === undefined ? '' : `max: ${max}`, integer === undefined ? '' : `integer: ${integer}`].filter(Boolean);
    return [
      'kind: Workspace',
      scores.length > 0 ? `scores: { ${scores.join(', ')} }` : '',
      store === undefined ? '' : `store: ${store}`,
      rules.length > 0 ? `lint:\n  rules:\n${rules.map(([rule, severity]) => `    ${rule}: ${severity}`).join('\n')}` : '',
      '',
    ]
      .filter((line, i, all) => line !== '' || i === all.length - 1)
      .join('\n');
  });
/** A near-valid document with, sometimes, a few fragments spliced in anywhere. */
const nearValidArb = fc
  .tuple(fc.oneof({ weight: 3, arbitrary: rulesetDocArb }, { weight: 1, arbitrary: workspaceDocArb }), fc.array(fc.tuple(fc.nat(), yamlFragmentArb), { maxLength: 3 }), fc.boolean())
  .map(([document, splices, crlf]) => {
    let text = document;
    for (const [at, fragment] of splices) {
      const cut = at % (text.length + 1);
      text = text.slice(0, cut) + fragment + text.slice(cut);
    }
    return crlf ? text.replace(/\n/g, '\r\n') : text;
  });

/** Bytes that are mostly YAML text, with some that break UTF-8 or are binary. */
const YAML_BYTES = [...Buffer.from('kind: LevelRuleset\nlevels:\n- {}[]"\'&*!#|>%@`,?\t\r 0123456789.e-+'), 0x00, 0xef, 0xbb, 0xbf, 0xff, 0xfe, 0xc3, 0xa9, 0x80, 0xed, 0xa0, 0xf0, 0x9f, 0x98, 0x80, 0xc0, 0xf5];
const yamlBytesArb = fc.oneof(
  { weight: 2, arbitrary: fc.uint8Array({ maxLength: 300 }) },
  { weight: 3, arbitrary: fc.array(fc.constantFrom(...YAML_BYTES), { maxLength: 300 }).map((bytes) => Uint8Array.from(bytes)) },
  { weight: 3, arbitrary: fc.tuple(fc.constantFrom(new Uint8Array(0), Uint8Array.from([0xef, 0xbb, 0xbf])), yamlishArb, fc.uint8Array({ maxLength: 8 }), fc.nat()).map(([bom, text, bytes, at]) => {
    const body = Buffer.from(text, 'utf8');
    const cut = at % (body.length + 1);
    return Uint8Array.from(Buffer.concat([bom, body.subarray(0, cut), bytes, body.subarray(cut)]));
  }) },
);
const yamlStringArb = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: fc.constantFrom(...'kind: -[]{}"\'&*!#|>\n\r\t\u00a0\uFEFF'.split('')), maxLength: 200 }),
);
/** Any of the generators, as a file's content. */
const anyYamlContentArb: fc.Arbitrary<string | Uint8Array> = fc.oneof(yamlBytesArb, yamlStringArb, yamlishArb, nearValidArb, nearValidArb.map((text) => Uint8Array.from(Buffer.from(text, 'utf8'))));

describe('the YAML config loader under fuzzing', () => {
  const single = (content: string | Uint8Array): ConfigFile[] => [{ path: 'levels/x.yaml', content }];

  it('takes arbitrary bytes: findings with sound positions, or a UserError; nothing polluted', () => {
    fc.assert(
      fc.property(yamlBytesArb, (bytes) => {
        parseAndCheck(single(bytes));
      }),
      { numRuns: 400 },
    );
  }, TIMEOUT);

  it('takes arbitrary strings (graphemes, lone surrogates, YAML punctuation), as text and as UTF-8 bytes', () => {
    fc.assert(
      fc.property(yamlStringArb, fc.boolean(), (text, asBytes) => {
        parseAndCheck(single(asBytes ? Uint8Array.from(Buffer.from(text, 'utf8')) : text));
      }),
      { numRuns: 400 },
    );
  }, TIMEOUT);

  it('takes YAML-ish text built from keys, anchors, aliases, tags, flow and block syntax, BOMs and deep nesting', () => {
    fc.assert(
      fc.property(yamlishArb, (text) => {
        parseAndCheck(single(text));
      }),
      { numRuns: 500 },
    );
  }, TIMEOUT);

  it('never hands on a value with a prototype key, however the key is spelled (escapes, quotes, aliases)', () => {
    fc.assert(
      fc.property(fc.oneof(yamlishArb, nearValidArb), (text) => {
        let parsed;
        try {
          parsed = parseSource('levels/x.yaml', text);
        } catch (error) {
          onlyUserError(error, 'parseSource');
          return;
        }
        expectNoPollution();
        for (const problem of parsed.problems) expectPositionWithin(problem.position, lineLengths(text), problem.message);
        if (parsed.problems.length === 0) expectPlainData(parsed.value, true, 'document');
      }),
      { numRuns: 400 },
    );
  }, TIMEOUT);

  it('loads and lints near-valid configs (several files, spliced fragments) without throwing; lint findings point into their file', () => {
    fc.assert(
      fc.property(fc.array(nearValidArb, { minLength: 1, maxLength: 3 }), (texts) => {
        const files = texts.map((content, i) => ({ path: `levels/f${i}.yaml`, content }));
        const config = parseAndCheck(files);
        if (!config) return;
        let findings;
        try {
          findings = lint(config);
        } catch (error) {
          onlyUserError(error, 'lint');
          return;
        }
        expectNoPollution();
        const byPath = new Map(files.map((file) => [file.path, file.content]));
        for (const finding of findings) {
          expect(typeof finding.message === 'string' && finding.message.trim() !== '', `${finding.rule}: empty message`).toBe(true);
          const content = byPath.get(finding.file);
          expect(content, `${finding.rule} finding for an unknown file ${finding.file}`).toBeDefined();
          expectPositionWithin(finding, lineLengths(content!), `${finding.rule} finding ${JSON.stringify(finding.message.slice(0, 120))}`);
        }
      }),
      { numRuns: 300 },
    );
  }, TIMEOUT);

  describe('from disk', () => {
    let root: string;
    beforeAll(() => {
      root = mkdtempSync(join(tmpdir(), 'levels-fuzz-yaml-'));
    });
    afterAll(() => rmSync(root, { recursive: true, force: true }));
    let run = 0;

    it('loadConfig and loadWorkspace on a folder of fuzzed files: findings or a UserError, and sound positions', async () => {
      const names = ['a.yaml', 'b.yml', 'sub/c.YAML', 'd.yaml', 'sub/deeper/e.yml'];
      await fc.assert(
        fc.asyncProperty(fc.array(anyYamlContentArb, { minLength: 1, maxLength: 4 }), fc.boolean(), async (contents, withDistractors) => {
          const cwd = join(root, `run${run++}`);
          const folder = join(cwd, 'levels');
          mkdirSync(folder, { recursive: true });
          const files: ConfigFile[] = contents.map((content, i) => ({ path: `levels/${names[i]}`, content }));
          for (const file of files) {
            mkdirSync(dirname(join(cwd, file.path)), { recursive: true });
            writeFileSync(join(cwd, file.path), file.content);
          }
          if (withDistractors) {
            writeFileSync(join(folder, 'notes.md'), '__proto__: {polluted: 1}\n');
            mkdirSync(join(folder, '.hidden'));
            writeFileSync(join(folder, '.hidden', 'x.yaml'), ': : :');
          }
          // What was written is what is read (strings as UTF-8).
          const onDisk = files.map((file) => ({ path: file.path, content: typeof file.content === 'string' ? Uint8Array.from(Buffer.from(file.content, 'utf8')) : file.content }));
          let config: Config | undefined;
          try {
            config = await loadConfig('levels', { cwd });
          } catch (error) {
            onlyUserError(error, 'loadConfig');
          }
          expectNoPollution();
          if (config) expectSoundConfig(config, onDisk);
          try {
            await loadWorkspace('levels', { cwd });
          } catch (error) {
            onlyUserError(error, 'loadWorkspace');
          }
          expectNoPollution();
          rmSync(cwd, { recursive: true, force: true });
        }),
        { numRuns: 60 },
      );
    }, TIMEOUT);
  });
});

// ---------------------------------------------------------------------------------------------
// Export reader
// ---------------------------------------------------------------------------------------------

/** The product's documented trim: ASCII space, tab, line breaks, vertical tab and form feed. */
const trim = (text: string) => text.replace(/^[ \t\n\v\f\r]+|[ \t\n\v\f\r]+$/g, '');

/** A plain decimal or exponent number: the only score text the reader accepts. */
const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

const finiteDouble = fc.double({ noNaN: true, noDefaultInfinity: true });
const scoreTextArb = fc
  .tuple(
    fc.oneof(
      { weight: 3, arbitrary: fc.integer().map(String) },
      { weight: 3, arbitrary: finiteDouble.map(String) },
      { weight: 1, arbitrary: finiteDouble.map((x) => x.toExponential()) },
      { weight: 1, arbitrary: fc.tuple(fc.double({ min: -1e21, max: 1e21, noNaN: true }), fc.integer({ min: 0, max: 25 })).map(([x, digits]) => x.toFixed(digits)) },
      { weight: 1, arbitrary: fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }).map(String) },
      {
        weight: 2,
        arbitrary: fc
          .tuple(fc.constantFrom('', '+', '-'), fc.stringMatching(/^\d{0,24}$/), fc.constantFrom('', '.'), fc.stringMatching(/^\d{0,24}$/), fc.option(fc.tuple(fc.constantFrom('e', 'E'), fc.constantFrom('', '+', '-'), fc.stringMatching(/^\d{1,3}$/)), { nil: undefined }))
          .map(([sign, whole, dot, fraction, exponent]) => `${sign}${whole}${dot}${fraction}${exponent ? exponent.join('') : ''}`),
      },
      { weight: 1, arbitrary: fc.constantFrom('-0', '0', '.5', '5.', '+.5', '-.0', '1e-400', '4.9e-324', '1.7976931348623157e308', '123456789012345678901234567890', '0.1', '00012', '1E5', '-1e+2', '9007199254740993', '0.30000000000000004', '1.0000000000000000000000001', '0.000000000000000000001') },
    ),
    fc.constantFrom('', '', '', ' ', '  '),
    fc.constantFrom('', '', '', ' ', '  '),
  )
  .filter(([text]) => PLAIN_NUMBER.test(text) && Number.isFinite(Number(text)))
  .map(([text, before, after]) => before + text + after);

/** Id pieces: any grapheme, or the characters that break naive CSV and text handling. */
const SPECIAL = [',', ';', '\t', '"', '""', "'", '\r', '\n', '\r\n', ' ', '  ', '\v', '\f', '🙂', '👩‍👩‍👧', 'é', 'e\u0301', '\uFEFF', '\u00a0', '\u2028', '\\', '{', '}', ':', '0', '-', '.', '\0', '=', '#'];
const pieceArb = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 4 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 3 }).filter((text) => Buffer.from(text, 'utf8').toString('utf8') === text) },
  { weight: 3, arbitrary: fc.constantFrom(...SPECIAL) },
);
const valueArb = (minLength: number) => fc.array(pieceArb, { minLength, maxLength: 6 }).map((pieces) => pieces.join(''));

interface WrittenRow {
  id: string;
  score: string;
  company: string;
  level: string;
  notes: string;
}
const rowsArb = fc
  .uniqueArray(
    fc.record({ id: valueArb(1), score: scoreTextArb, company: valueArb(0), level: valueArb(0), notes: valueArb(0) }).filter((row) => trim(row.id) !== ''),
    { selector: (row) => trim(row.id), maxLength: 25 },
  );

interface Expected {
  id: string;
  score: number;
  level: string | undefined;
  line: number;
}

type Column = 'id' | 'score' | 'company' | 'level' | 'notes';
const HEADER_NAMES: Record<Column, string[]> = {
  id: ['account_id', 'Account_ID', 'ACCOUNT_ID', ' account_id '],
  score: ['score', 'Score', 'SCORE '],
  company: ['company_name', 'Company'],
  level: ['level', 'Level'],
  notes: ['notes', 'x'],
};

const csvFormatArb = fc.record({
  delimiter: fc.constantFrom(',', ';', '\t'),
  eol: fc.constantFrom('\n', '\r\n'),
  bom: fc.boolean(),
  trailingEol: fc.boolean(),
  columns: fc
    .tuple(fc.boolean(), fc.boolean(), fc.boolean())
    .chain(([company, level, notes]) => {
      const columns: Column[] = ['id', 'score', ...(company ? ['company' as const] : []), ...(level ? ['level' as const] : []), ...(notes ? ['notes' as const] : [])];
      return fc.shuffledSubarray(columns, { minLength: columns.length, maxLength: columns.length });
    }),
  headerVariant: fc.nat(),
  quoteHeader: fc.boolean(),
  quoting: fc.constantFrom('minimal', 'all', 'spaces'),
  blankLines: fc.array(fc.nat(2), { maxLength: 26 }),
});
type CsvFormat = typeof csvFormatArb extends fc.Arbitrary<infer T> ? T : never;

/** Writes rows as RFC 4180 CSV; says what the reader must give back, line by line. */
function writeCsv(rows: readonly WrittenRow[], format: CsvFormat): { text: string; expected: Expected[]; header: string[] } {
  const { delimiter, eol, columns } = format;
  const field = (value: string) => {
    const must = value.includes(delimiter) || /["\r\n]/.test(value);
    const quote = must || format.quoting === 'all' || (format.quoting === 'spaces' && /^\s|\s$/.test(value));
    return quote ? `"${value.replace(/"/g, '""')}"` : value;
  };
  const header = columns.map((column) => HEADER_NAMES[column][format.headerVariant % HEADER_NAMES[column].length]!);
  let text = header.map((name) => (format.quoteHeader ? `"${name}"` : name)).join(delimiter) + eol;
  const expected: Expected[] = [];
  const lineOf = (offset: number) => 1 + [...text.slice(0, offset)].filter((c) => c === '\n').length;
  rows.forEach((row, i) => {
    text += eol.repeat(format.blankLines[i] ?? 0);
    expected.push({ id: trim(row.id), score: Number(trim(row.score)), level: columns.includes('level') ? trim(row.level) : undefined, line: lineOf(text.length) });
    const values: Record<Column, string> = { id: row.id, score: row.score, company: row.company, level: row.level, notes: row.notes };
    text += columns.map((column) => field(values[column])).join(delimiter);
    if (i < rows.length - 1 || format.trailingEol) text += eol;
  });
  return { text: (format.bom ? '\uFEFF' : '') + text, expected, header };
}

const jsonlFormatArb = fc.record({
  eol: fc.constantFrom('\n', '\r\n'),
  bom: fc.boolean(),
  trailingEol: fc.boolean(),
  withCompany: fc.boolean(),
  withLevel: fc.boolean(),
  withProto: fc.boolean(),
  keyOrder: fc.nat(),
  spacing: fc.constantFrom('', ' ', '\t'),
  indent: fc.constantFrom('', ' ', '\t '),
  scoreAs: fc.array(fc.boolean(), { maxLength: 25 }),
  blankLines: fc.array(fc.nat(2), { maxLength: 26 }),
});
type JsonlFormat = typeof jsonlFormatArb extends fc.Arbitrary<infer T> ? T : never;

/** Writes rows as JSON Lines (scores as numbers or as numeric text); says what must come back. */
function writeJsonl(rows: readonly WrittenRow[], format: JsonlFormat): { text: string; expected: Expected[] } {
  let text = '';
  const expected: Expected[] = [];
  const lineOf = (offset: number) => 1 + [...text.slice(0, offset)].filter((c) => c === '\n').length;
  const s = format.spacing;
  rows.forEach((row, i) => {
    text += format.eol.repeat(format.blankLines[i] ?? 0);
    const asText = format.scoreAs[i] ?? false;
    const scoreLiteral = asText ? JSON.stringify(row.score) : JSON.stringify(Number(trim(row.score)));
    const entries: [string, string][] = [
      ['"account_id"', JSON.stringify(row.id)],
      ['"score"', scoreLiteral],
      ...(format.withCompany ? [['"company_name"', JSON.stringify(row.company)] as [string, string]] : []),
      ...(format.withLevel ? [['"level"', JSON.stringify(row.level)] as [string, string]] : []),
      ...(format.withProto ? [['"__proto__"', '{"polluted":true}'] as [string, string]] : []),
    ];
    const rotate = format.keyOrder % entries.length;
    const ordered = [...entries.slice(rotate), ...entries.slice(0, rotate)];
    expected.push({
      id: trim(row.id),
      score: asText ? Number(trim(row.score)) : (JSON.parse(scoreLiteral) as number),
      level: format.withLevel ? trim(row.level) : undefined,
      line: lineOf(text.length),
    });
    text += `${format.indent}{${s}${ordered.map(([key, value]) => `${key}${s}:${s}${value}`).join(`,${s}`)}${s}}${s}`;
    if (i < rows.length - 1 || format.trailingEol) text += format.eol;
  });
  return { text: (format.bom ? '\uFEFF' : '') + text, expected };
}

const readOptionsArb = fc.record({
  chunkSize: fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 1, max: 64 }) }, { weight: 1, arbitrary: fc.integer({ min: 65, max: 4096 }) }, { weight: 1, arbitrary: fc.constant(undefined) }),
  fingerprintMask: fc.constantFrom(-1, -1, 0, 1, 3),
});

interface Seen extends Expected {
  /** The id's bytes as the reader holds them (hex). */
  idBytes: string;
}

type ReadResult = { summary: ExportSummary; rows: Seen[]; handed: Seen[]; error?: undefined } | { error: UserError };

const strip = ({ idBytes: _, ...row }: Seen): Expected => row;

let exportsRoot: string;
let fileNumber = 0;

/** Writes the file, reads it with a sink that checks retractions, and removes it. */
async function readBytes(name: string, content: Uint8Array | string, options: ReadOptions): Promise<ReadResult> {
  const dir = join(exportsRoot, `r${fileNumber++}`);
  mkdirSync(dir);
  writeFileSync(join(dir, name), content);
  const rows: Seen[] = [];
  const handed: Seen[] = [];
  const seen = (row: Row): Seen => ({
    id: row.id(),
    score: row.score,
    level: row.level(),
    line: row.line,
    idBytes: Buffer.from(row.bytes.subarray(row.idStart, row.idEnd)).toString('hex'),
  });
  const sink = {
    account: (row: Row) => {
      const entry = seen(row);
      rows.push(entry);
      handed.push(entry);
    },
    retract: (row: Row) => {
      const at = rows.findIndex((entry) => entry.line === row.line);
      expect(at, `retracting line ${row.line}, which was never handed on (or was retracted already)`).toBeGreaterThanOrEqual(0);
      // What sinks use: the id and level as text, the score, the line (the bytes behind them may be re-encoded).
      expect(strip(seen(row)), 'a retracted row differs from the row handed on').toEqual(strip(rows[at]!));
      rows.splice(at, 1);
    },
  };
  try {
    const summary = await readExport(name, dir, sink, { fingerprint: false, ...options });
    return { summary, rows, handed };
  } catch (error) {
    return { error: onlyUserError(error, `readExport(${name}, ${JSON.stringify(options)})`) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}


describe('the export reader under fuzzing', () => {
  beforeAll(() => {
    exportsRoot = mkdtempSync(join(tmpdir(), 'levels-fuzz-exports-'));
  });
  afterAll(() => rmSync(exportsRoot, { recursive: true, force: true }));

  it('CSV round trip: any delimiter, line end, BOM, quoting, extra columns, gzip and chunk size give back exactly the rows written', async () => {
    await fc.assert(
      fc.asyncProperty(rowsArb, csvFormatArb, fc.boolean(), readOptionsArb, async (rows, format, gzip, options) => {
        const { text, expected, header } = writeCsv(rows, format);
        const bytes = Buffer.from(text, 'utf8');
        const result = await readBytes(gzip ? 'scores.csv.gz' : 'scores.csv', gzip ? gzipSync(bytes) : bytes, options);
        if (result.error) throw new Error(`a valid CSV was refused: ${result.error.message}`);
        const { summary, rows: read } = result;
        expect(read.map(strip)).toEqual(expected);
        expect(summary).toMatchObject({ rows: rows.length, accounts: rows.length, rejected: 0, duplicates: 0, rejectedRows: [], delimiter: format.delimiter, columns: header, hasLevel: format.columns.includes('level') });
      }),
      { numRuns: 300 },
    );
  }, TIMEOUT);

  it('JSON Lines round trip: numbers or numeric text, key order, spacing, CRLF, BOM, blank lines, gzip and chunk size', async () => {
    await fc.assert(
      fc.asyncProperty(rowsArb, jsonlFormatArb, fc.boolean(), readOptionsArb, async (rows, format, gzip, options) => {
        const { text, expected } = writeJsonl(rows, format);
        const bytes = Buffer.from(text, 'utf8');
        const result = await readBytes(gzip ? 'scores.jsonl.gz' : 'scores.jsonl', gzip ? gzipSync(bytes) : bytes, options);
        if (text === '') {
          // The one exclusion: the reader refuses a zero-byte export by design (ExportReader.start), JSON Lines too.
          expect(result.error?.message, 'a zero-byte export').toMatch(/ is empty/);
          return;
        }
        if (result.error) throw new Error(`a valid JSON Lines export was refused: ${result.error.message}`);
        const { summary, rows: read } = result;
        expect(read.map(strip)).toEqual(expected);
        expect(summary).toMatchObject({ rows: rows.length, accounts: rows.length, rejected: 0, duplicates: 0, rejectedRows: [] });
        expectNoPollution();
      }),
      { numRuns: 200 },
    );
  }, TIMEOUT);

  /** Bytes that matter to the CSV and JSON scanners, and to UTF-8. */
  const EXPORT_BYTES = [...Buffer.from('",;\t\r\n {}[]:0123456789.eE-+aA\\'), 0x00, 0xef, 0xbb, 0xbf, 0xff, 0xc3, 0xa9, 0x80, 0xe2];
  const mutationArb = fc.record({
    kind: fc.constantFrom('insert', 'insert', 'delete', 'replace', 'duplicate', 'truncate'),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 12 }),
    byte: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...EXPORT_BYTES) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 255 }) }),
  });
  type Mutation = typeof mutationArb extends fc.Arbitrary<infer T> ? T : never;
  function mutate(input: Uint8Array, mutations: readonly Mutation[], keepHeader: number): Uint8Array {
    let bytes = Buffer.from(input);
    for (const { kind, at, length, byte } of mutations) {
      const room = bytes.length - keepHeader;
      const pos = keepHeader + (room <= 0 ? 0 : at % (room + 1));
      if (kind === 'insert') bytes = Buffer.concat([bytes.subarray(0, pos), Buffer.alloc(1 + (length % 3), byte), bytes.subarray(pos)]);
      else if (kind === 'delete') bytes = Buffer.concat([bytes.subarray(0, pos), bytes.subarray(pos + length)]);
      else if (kind === 'replace' && pos < bytes.length) bytes[pos] = byte;
      else if (kind === 'duplicate') bytes = Buffer.concat([bytes.subarray(0, pos + length), bytes.subarray(pos, pos + length), bytes.subarray(pos + length)]);
      else if (kind === 'truncate') bytes = bytes.subarray(0, pos);
    }
    return bytes;
  }
  const headerEnd = (bytes: Uint8Array) => Math.max(0, bytes.indexOf(10) + 1);
  const validCsvArb = fc.tuple(rowsArb, csvFormatArb).map(([rows, format]) => Uint8Array.from(Buffer.from(writeCsv(rows, format).text, 'utf8')));
  const validJsonlArb = fc.tuple(rowsArb, jsonlFormatArb).map(([rows, format]) => Uint8Array.from(Buffer.from(writeJsonl(rows, format).text, 'utf8')));
  /** Mutated valid exports (header kept, mostly), a valid header over garbage, and plain garbage. */
  const csvInputArb = fc.oneof(
    { weight: 5, arbitrary: fc.tuple(validCsvArb, fc.array(mutationArb, { minLength: 1, maxLength: 6 }), fc.boolean()).map(([bytes, mutations, spareHeader]) => mutate(bytes, mutations, spareHeader ? headerEnd(bytes) : 0)) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.constantFrom('account_id,score\n', 'account_id;score;level\r\n', 'level\taccount_id\tscore\n', '\uFEFFAccount_ID,"Score",name\n', 'account_id,score,"na\nme"\n'), fc.array(fc.constantFrom(...EXPORT_BYTES), { maxLength: 200 }))
        .map(([header, bytes]) => Uint8Array.from(Buffer.concat([Buffer.from(header), Uint8Array.from(bytes)]))),
    },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 200 }) },
  );
  /** JSON values of every kind where the id, score and level go: overflowing numbers, numeric text, null, objects ... */
  const JSON_VALUES = [
    '1', '-0', '0.5', '1e400', '-1e400', '1e-400', '123456789012345678901234567890', '"12"', '" 12 "', '"1e400"', '"0x10"', '"NaN"', '"Infinity"',
    '""', '" "', '"\\u00a0"', '"\\ufeffa"', 'null', 'true', '[]', '{}', '{"a":1}', '"a"', '"b"', '"a "', '"\\n"',
  ];
  const jsonValueLinesArb = fc
    .array(
      fc.record({
        id: fc.option(fc.constantFrom(...JSON_VALUES), { nil: undefined, freq: 8 }),
        score: fc.option(fc.constantFrom(...JSON_VALUES), { nil: undefined, freq: 8 }),
        level: fc.option(fc.constantFrom(...JSON_VALUES), { nil: undefined }),
      }),
      { minLength: 1, maxLength: 12 },
    )
    .map((lines) =>
      Uint8Array.from(
        Buffer.from(
          lines
            .map(({ id, score, level }) => `{${[id === undefined ? '' : `"account_id":${id}`, score === undefined ? '' : `"score":${score}`, level === undefined ? '' : `"level":${level}`].filter(Boolean).join(',')}}`)
            .join('\n'),
        ),
      ),
    );
  const jsonlInputArb = fc.oneof(
    { weight: 5, arbitrary: fc.tuple(validJsonlArb, fc.array(mutationArb, { minLength: 1, maxLength: 6 })).map(([bytes, mutations]) => mutate(bytes, mutations, 0)) },
    { weight: 2, arbitrary: jsonValueLinesArb },
    { weight: 1, arbitrary: fc.array(fc.constantFrom(...EXPORT_BYTES, ...Buffer.from('"account_id""score"')), { maxLength: 200 }).map((bytes) => Uint8Array.from(bytes)) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 200 }) },
  );

  /** 1 + every line break a reader could count: LF, and CR not followed by LF. */
  const maxLines = (bytes: Uint8Array, crToo: boolean) => {
    let lines = 1;
    for (let i = 0; i < bytes.length; i++) if (bytes[i] === 10 || (crToo && bytes[i] === 13 && bytes[i + 1] !== 10)) lines++;
    return lines;
  };

  /** What must hold of any read, whatever the input. */
  function expectSoundRead(result: ReadResult, bytes: Uint8Array): void {
    if (result.error) return;
    const { summary, rows, handed } = result;
    const csv = summary.file.format === 'csv';
    const first = csv ? 2 : 1;
    const last = maxLines(bytes, csv);
    const what = `(${summary.file.format}, ${last} line(s) at most)`;
    expect(summary.accounts + summary.rejected, `accounts ${summary.accounts} + rejected ${summary.rejected} != records ${summary.rows}`).toBe(summary.rows);
    expect(rows.length, 'rows left with the sink after retractions != accounts').toBe(summary.accounts);
    expect(summary.duplicates).toBeLessThanOrEqual(summary.rejected);
    expect(summary.rejectedRows.length, 'reported rejected rows').toBe(Math.min(summary.rejected, 20));
    const rejectedLines = summary.rejectedRows.map((row) => row.line);
    expect(rejectedLines, 'rejected rows sorted by line').toEqual([...rejectedLines].sort((a, b) => a - b));
    expect(new Set(rejectedLines).size, 'a line rejected twice').toBe(rejectedLines.length);
    for (const rejected of summary.rejectedRows) {
      expect(Number.isInteger(rejected.line) && rejected.line >= first && rejected.line <= last, `rejected line ${rejected.line} ${what}: ${rejected.reason}`).toBe(true);
      expect(typeof rejected.reason === 'string' && rejected.reason !== '', 'a rejected row without a reason').toBe(true);
    }
    for (let i = 0; i < handed.length; i++) {
      const row = handed[i]!;
      expect(Number.isInteger(row.line) && row.line >= first && row.line <= last, `accepted row on line ${row.line} ${what}`).toBe(true);
      if (i > 0) expect(row.line, 'rows handed on out of line order').toBeGreaterThan(handed[i - 1]!.line);
      expect(Number.isFinite(row.score), `score ${row.score} on line ${row.line}`).toBe(true);
      expect(row.id !== '' && trim(row.id) === row.id, `id ${JSON.stringify(row.id)} on line ${row.line} is empty or untrimmed`).toBe(true);
    }
    const accepted = new Set(rows.map((row) => row.line));
    for (const line of rejectedLines) expect(accepted.has(line), `line ${line} both counted and rejected`).toBe(false);
    const ids = rows.map((row) => row.idBytes);
    expect(new Set(ids).size, 'the same id (bytes) counted twice').toBe(ids.length);
  }

  const fuzzOptionsArb = fc.record({
    chunkSize: fc.oneof(fc.integer({ min: 1, max: 48 }), fc.constant(undefined)),
    fingerprintMask: fc.constantFrom(-1, 0, 3),
    // Fingerprinting starts a worker per read (slow): now and then is enough (and shrinking goes to false).
    fingerprint: fc.integer({ min: 0, max: 29 }).map((n) => n === 29),
  });

  it('CSV: mutated exports and garbage give a UserError or sound counts, with rejected lines inside the file', async () => {
    await fc.assert(
      fc.asyncProperty(
        csvInputArb,
        fc.constantFrom('plain', 'plain', 'gzip', 'corrupt-gzip'),
        fc.constantFrom('scores.csv', 'scores.tsv', 'scores'),
        fc.nat(),
        fuzzOptionsArb,
        async (bytes, container, name, corruptAt, options) => {
          let content: Uint8Array = bytes;
          if (container !== 'plain') {
            content = gzipSync(bytes);
            if (container === 'corrupt-gzip') {
              // One byte of the compressed data changed; the gzip header and trailer stay intact
              // (a trailer that misstates the size has a property of its own, below).
              const damaged = Buffer.from(content);
              const at = 10 + (corruptAt % Math.max(1, damaged.length - 18));
              damaged[at] = damaged[at]! ^ (1 + (corruptAt % 255));
              content = damaged;
            }
          }
          const result = await readBytes(container === 'plain' ? name : `${name}.gz`, content, options);
          expectNoPollution();
          expectSoundRead(result, bytes);
        },
      ),
      { numRuns: 300 },
    );
  }, TIMEOUT);

  it('JSON Lines: mutated exports and garbage give a UserError or sound counts, with rejected lines inside the file', async () => {
    await fc.assert(
      fc.asyncProperty(jsonlInputArb, fc.boolean(), fuzzOptionsArb, async (bytes, gzip, options) => {
        const result = await readBytes(gzip ? 'scores.jsonl.gz' : 'scores.jsonl', gzip ? gzipSync(bytes) : bytes, options);
        expectNoPollution();
        expectSoundRead(result, bytes);
      }),
      { numRuns: 200 },
    );
  }, TIMEOUT);

  it('a truncated .gz whose last bytes claim a large size is refused or read soundly, without allocating memory out of proportion to the file', async () => {
    // Downloads get cut short: the last four bytes of a truncated gzip file are then whatever
    // data was there, and they are where the gzip trailer keeps the uncompressed size. Stored
    // (level 0) compression puts the export's own last bytes there: here they claim 128-129 MiB.
    const MiB = 1 << 20;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(9999), fc.nat(100)), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 128 * MiB, max: 129 * MiB }),
        fc.constantFrom(undefined, 16, 64, 1024),
        async (rows, claimed, chunkSize) => {
          const tail = Buffer.alloc(4);
          tail.writeUInt32LE(claimed);
          const bytes = Buffer.concat([Buffer.from(`account_id,score\n${rows.map(([id, score]) => `a${id},${score}`).join('\n')}\n`), tail]);
          const stored = gzipSync(bytes, { level: 0 });
          const truncated = stored.subarray(0, stored.length - 8); // the real CRC and size cut off
          expect(truncated.readUInt32LE(truncated.length - 4)).toBe(claimed);
          const before = process.memoryUsage().arrayBuffers;
          const result = await readBytes('scores.csv.gz', truncated, { chunkSize });
          const grown = process.memoryUsage().arrayBuffers - before;
          expect(grown, `array buffers grew by ${(grown / MiB).toFixed(0)} MiB reading a ${truncated.length}-byte file`).toBeLessThan(32 * MiB);
          expectSoundRead(result, bytes);
        },
      ),
      // Stop at the first failure: every failing read allocates (and pages in) far too much memory.
      { numRuns: 20, endOnFailure: true },
    );
  }, TIMEOUT);

  /** A read as a comparable value: the error's message, or the summary and the rows. */
  const outcome = (result: ReadResult, name: string) =>
    result.error
      ? { error: result.error.message.split(name).join('<file>') }
      : {
          rows: result.rows,
          // duplicateRecords is keyed by record: the order it was filled in means nothing.
          summary: { ...result.summary, file: undefined, sha256: undefined, duplicateRecords: [...result.summary.duplicateRecords].sort((a, b) => a[0] - b[0]) },
        };

  it('reads the same file the same way whatever the chunk size, and compressed or not', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(csvInputArb, jsonlInputArb), fc.boolean(), fc.integer({ min: 1, max: 48 }), async (bytes, jsonl, chunkSize) => {
        const name = jsonl ? 'scores.jsonl' : 'scores.csv';
        const whole = outcome(await readBytes(name, bytes, {}), name);
        const chunked = outcome(await readBytes(name, bytes, { chunkSize }), name);
        expect(chunked, `chunkSize ${chunkSize} against one read`).toEqual(whole);
        const gzipped = outcome(await readBytes(`${name}.gz`, gzipSync(bytes), { chunkSize }), `${name}.gz`);
        expect(gzipped, `gzip, chunkSize ${chunkSize}, against plain`).toEqual(whole);
      }),
      { numRuns: 150 },
    );
  }, TIMEOUT);

  it('settles duplicates on the ids themselves: colliding fingerprints change nothing', async () => {
    // Few distinct ids, some of them not valid UTF-8 (a lone byte, a cut sequence, a surrogate, a BOM): bytes that decode alike.
    const ID_BYTES = [[0x61], [0x62], [0xff], [0xfe], [0xc3], [0xed, 0xa0, 0x80], [0xef, 0xbb, 0xbf, 0x61], [0x61, 0xc3]];
    const fewIdsArb = fc
      .array(fc.tuple(fc.constantFrom(...ID_BYTES), fc.nat(100)), { minLength: 1, maxLength: 12 })
      .map((rows) => Uint8Array.from(Buffer.concat([Buffer.from('account_id,score\n'), ...rows.flatMap(([id, score]) => [Uint8Array.from(id), Buffer.from(`,${score}\n`)])])));
    await fc.assert(
      fc.asyncProperty(fc.oneof({ weight: 2, arbitrary: csvInputArb }, { weight: 2, arbitrary: jsonlInputArb }, { weight: 1, arbitrary: fewIdsArb }), fc.boolean(), fc.constantFrom(0, 1, 3), fc.option(fc.integer({ min: 1, max: 48 }), { nil: undefined }), async (bytes, jsonl, mask, chunkSize) => {
        const name = jsonl ? 'scores.jsonl' : 'scores.csv';
        const exact = outcome(await readBytes(name, bytes, { chunkSize }), name);
        const colliding = outcome(await readBytes(name, bytes, { chunkSize, fingerprintMask: mask }), name);
        expect(colliding, `fingerprintMask ${mask}`).toEqual(exact);
      }),
      { numRuns: 150 },
    );
  }, TIMEOUT);

  it('never hands a sink the same id twice (as the sink sees it) from valid UTF-8 text', async () => {
    const textArb = fc.oneof(
      fc.tuple(rowsArb, csvFormatArb, fc.array(fc.tuple(fc.nat(), fc.constantFrom(...SPECIAL, '\n', ',')), { maxLength: 4 })).map(([rows, format, edits]) => {
        let { text } = writeCsv(rows, format);
        for (const [at, piece] of edits) {
          const cut = at % (text.length + 1);
          text = text.slice(0, cut) + piece + text.slice(cut);
        }
        return { text, name: 'scores.csv' };
      }),
      fc.tuple(rowsArb, jsonlFormatArb).map(([rows, format]) => ({ text: writeJsonl(rows, format).text, name: 'scores.jsonl' })),
    );
    await fc.assert(
      fc.asyncProperty(textArb, fc.array(fc.nat(24), { maxLength: 4 }), async ({ text, name }, repeats) => {
        // Repeat some lines, so that real duplicates are there to settle.
        const lines = text.split('\n');
        for (const index of repeats) if (index > 0 && index < lines.length) lines.push(lines[index]!);
        const result = await readBytes(name, lines.join('\n'), { chunkSize: 16 });
        if (result.error) return;
        const ids = result.rows.map((row) => row.id);
        const twice = ids.filter((id, i) => ids.indexOf(id) !== i);
        expect(twice, 'ids handed on twice').toEqual([]);
      }),
      { numRuns: 150 },
    );
  }, TIMEOUT);
});
