import { isMap, isScalar, isSeq, parseDocument, type Node, type YAMLMap } from 'yaml';
import { levelsSchema } from '../model/generated/schema.js';

type SchemaNode = { $ref?: string; properties?: Record<string, SchemaNode>; items?: SchemaNode };

const definitions = levelsSchema.definitions as unknown as Record<string, SchemaNode>;

function resolve(schema: SchemaNode | undefined): SchemaNode | undefined {
  if (schema?.$ref) return definitions[schema.$ref.replace('#/definitions/', '')];
  return schema;
}

/** The schema of a document, chosen by its kind; undefined for an unknown kind. */
function schemaForKind(kind: unknown): SchemaNode | undefined {
  return kind === 'LevelRuleset' || kind === 'Workspace' ? definitions[kind] : undefined;
}

export type FormatResult = { ok: true; output: string; changed: boolean } | { ok: false; reason: string };

/**
 * The canonical form of a config file: keys in the schema's order (unknown keys last, as
 * written), two-space indentation, block or flow style and comments kept, no line folding.
 */
export function formatConfigText(text: string): FormatResult {
  const document = parseDocument(text, { uniqueKeys: true, strict: true, merge: false });
  if (document.errors.length > 0) return { ok: false, reason: `it is not valid YAML (${document.errors[0]!.message.split('\n')[0]})` };
  const contents = document.contents as Node | null;
  if (isMap(contents)) {
    // Comments above the first key head the file (the schema line among them): they stay on top.
    const header = takeHeader(contents);
    sortNode(contents, schemaForKind(contents.get('kind')));
    const first = contents.items[0]?.key;
    if (header && isScalar(first)) first.commentBefore = first.commentBefore ? `${header}\n${first.commentBefore}` : header;
  }
  const output = document.toString({ indent: 2, indentSeq: true, lineWidth: 0, flowCollectionPadding: true });
  const normalized = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return { ok: true, output, changed: output !== normalized };
}

function takeHeader(map: YAMLMap): string | undefined {
  const first = map.items[0]?.key;
  if (!isScalar(first) || !first.commentBefore) return undefined;
  const header = first.commentBefore;
  first.commentBefore = undefined;
  return header;
}

function sortNode(node: unknown, schema: SchemaNode | undefined): void {
  const resolved = resolve(schema);
  if (isMap(node)) {
    const order = Object.keys(resolved?.properties ?? {});
    const rank = (key: unknown) => {
      const index = isScalar(key) ? order.indexOf(String(key.value)) : -1;
      return index < 0 ? order.length : index;
    };
    const indexed = node.items.map((pair, position) => ({ pair, position }));
    indexed.sort((a, b) => rank(a.pair.key) - rank(b.pair.key) || a.position - b.position);
    node.items = indexed.map(({ pair }) => pair);
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
      sortNode(pair.value, key === undefined ? undefined : resolved?.properties?.[key]);
    }
  } else if (isSeq(node)) {
    for (const item of node.items) sortNode(item, resolved?.items);
  }
}
