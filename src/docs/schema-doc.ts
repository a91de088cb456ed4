/** A JSON Schema node, as far as the docs read it. */
interface SchemaNode {
  title?: string;
  description?: string;
  type?: string | string[];
  $ref?: string;
  enum?: readonly unknown[];
  const?: unknown;
  items?: SchemaNode;
  anyOf?: readonly SchemaNode[];
  oneOf?: readonly SchemaNode[];
  properties?: Record<string, SchemaNode>;
  required?: readonly string[];
  default?: unknown;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  additionalProperties?: boolean | SchemaNode;
  definitions?: Record<string, SchemaNode>;
}

const anchor = (name: string) => name.toLowerCase();
const escape = (text: string) => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

/** A node's type in words, with definitions linked. */
function typeOf(node: SchemaNode): string {
  if (node.$ref) {
    const name = node.$ref.replace('#/definitions/', '');
    return `[${name}](#${anchor(name)})`;
  }
  if (node.const !== undefined) return `\`${JSON.stringify(node.const)}\``;
  if (node.enum) return node.enum.map((value) => `\`${JSON.stringify(value)}\``).join(' \\| ');
  const union = node.anyOf ?? node.oneOf;
  if (union) return union.map(typeOf).join(' or ');
  if (node.type === 'array') return `array of ${node.items ? typeOf(node.items) : 'values'}`;
  if (node.type === 'object' && node.additionalProperties && typeof node.additionalProperties === 'object') return `map of ${typeOf(node.additionalProperties)}`;
  const types = Array.isArray(node.type) ? node.type : node.type ? [node.type] : ['any'];
  return types.join(' or ');
}

function constraints(node: SchemaNode): string {
  const parts: string[] = [];
  if (node.minimum !== undefined) parts.push(`≥ ${node.minimum}`);
  if (node.maximum !== undefined) parts.push(`≤ ${node.maximum}`);
  if (node.maxLength !== undefined) parts.push(`at most ${node.maxLength} characters`);
  if (node.pattern) parts.push(`matches \`${escape(node.pattern)}\``);
  return parts.length > 0 ? ` (${parts.join(', ')})` : '';
}

function objectSection(name: string, node: SchemaNode, level: string): string {
  const lines = [`${level} ${name}`, ''];
  if (node.description) lines.push(node.description, '');
  if (node.properties) {
    const required = new Set(node.required ?? []);
    lines.push('| Key | Type | Required | Default | Description |', '|---|---|---|---|---|');
    for (const [key, property] of Object.entries(node.properties)) {
      const defaults = property.default !== undefined ? `\`${JSON.stringify(property.default)}\`` : '';
      lines.push(`| \`${key}\` | ${typeOf(property)}${constraints(property)} | ${required.has(key) ? 'yes' : ''} | ${defaults} | ${escape(property.description ?? '')} |`);
    }
    lines.push('');
    if (node.additionalProperties === false) lines.push('Any other key is an error.', '');
  } else {
    lines.push(`${typeOf(node)}${constraints(node)}.`, '');
  }
  return lines.join('\n');
}

/** A schema as markdown: the document, then each definition, with every key's type, default and description. */
export function schemaDocument(schema: SchemaNode, options: { title: string; intro: string; root?: string }): string {
  const sections = [`# ${options.title}`, '', options.intro, ''];
  if (options.root) sections.push(objectSection(options.root, schema, '##'));
  for (const [name, node] of Object.entries(schema.definitions ?? {})) sections.push(objectSection(name, node, '##'));
  return `${sections.join('\n').trimEnd()}\n`;
}
