import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import {
  type DefinitionNode,
  type DocumentNode,
  type FieldDefinitionNode,
  type InputValueDefinitionNode,
  Kind,
  parse,
  print,
} from 'graphql';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const documents = execFileSync('git', ['ls-files', '*.md'], { cwd: root, encoding: 'utf8' })
  .split('\n')
  .filter((file) => file && !file.startsWith('bench/results/'));

/** Markdown link targets that are not web addresses: [path, anchor], path '' for an in-page anchor. */
function localLinks(file: string): [string, string][] {
  const text = readFileSync(resolve(root, file), 'utf8');
  return [...text.matchAll(/\]\(([^)\s]+)\)/g)]
    .map((match) => match[1]!.split('#') as [string, string?])
    .filter(([target]) => !/^[a-z]+:/i.test(target))
    .map(([target, anchor]) => [target, anchor ?? '']);
}

/** The anchors GitHub gives a Markdown file's headings (github-slugger's rule; repeats get -1, -2 …). */
function anchorsOf(path: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  let fenced = false;
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.startsWith('```')) fenced = !fenced;
    const heading = fenced ? null : /^#{1,6}\s+(.*?)\s*#*$/.exec(line);
    if (!heading) continue;
    const slug = heading[1]!
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
      .replace(/ /g, '-');
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
  }
  return anchors;
}

describe('the documentation', () => {
  it('links only inside the repository, to files that exist', () => {
    const broken: string[] = [];
    for (const file of documents) {
      for (const [target, anchor] of localLinks(file)) {
        const path = target ? resolve(root, dirname(file), target) : resolve(root, file);
        const link = `${file} → ${target}${anchor ? `#${anchor}` : ''}`;
        if (relative(root, path).startsWith('..') || !existsSync(path)) broken.push(link);
        else if (anchor && path.endsWith('.md') && !anchorsOf(path).has(anchor)) broken.push(link);
      }
    }
    expect(documents).toContain('README.md');
    expect(broken).toEqual([]);
  });
});

/**
 * What the API reference (docs/api/*.md) documents. A heading whose text starts with a type name in
 * backticks opens that type's entries; each bullet under it starts with a field's signature, an input
 * field, an enum value or a union member in backticks. A type may have headings in several files (the
 * root types do, one per domain). Relay connections of the plain shape are rows of one table instead.
 */
interface Reference {
  types: Set<string>;
  /** type → the code that opens each bullet → the bullet's whole text (continuation lines included). */
  entries: Map<string, Map<string, string>>;
  /** connection → [edge, node] from the table rows `| \`XConnection\` | \`XEdge\` | \`X\` | … |`. */
  connections: Map<string, [string, string]>;
}

function readReference(files: readonly { name: string; text: string }[]): Reference {
  const reference: Reference = { types: new Set(), entries: new Map(), connections: new Map() };
  for (const { text } of files) {
    let type: string | null = null;
    let bullet: { code: string; text: string } | null = null;
    const close = () => {
      if (type && bullet) reference.entries.get(type)!.set(bullet.code, bullet.text);
      bullet = null;
    };
    for (const line of text.split('\n')) {
      const heading = /^#{1,6}\s+(.*)$/.exec(line);
      if (heading) {
        close();
        type = /^`([A-Za-z_]\w*)`/.exec(heading[1]!)?.[1] ?? null;
        if (type) {
          reference.types.add(type);
          if (!reference.entries.has(type)) reference.entries.set(type, new Map());
        }
        continue;
      }
      const row = /^\|\s*`(\w+Connection)`\s*\|\s*`(\w+Edge)`\s*\|\s*`(\w+)`\s*\|/.exec(line);
      if (row) reference.connections.set(row[1]!, [row[2]!, row[3]!]);
      const item = /^- `([^`]+)`/.exec(line);
      if (item) {
        close();
        bullet = { code: item[1]!, text: line };
      } else if (bullet && /^\s+\S/.test(line)) {
        bullet.text += ` ${line.trim()}`;
      } else if (line.trim() === '') {
        close();
      }
    }
    close();
  }
  return reference;
}

function argumentText(argument: InputValueDefinitionNode): string {
  const fallback = argument.defaultValue ? ` = ${print(argument.defaultValue)}` : '';
  return `${argument.name.value}: ${print(argument.type)}${fallback}`;
}

/** A field as the reference writes it: `name(arg: Type = default, …): Type`, arguments in SDL order. */
function signature(field: FieldDefinitionNode | InputValueDefinitionNode): string {
  if (field.kind === Kind.INPUT_VALUE_DEFINITION) return argumentText(field);
  const args = field.arguments?.length ? `(${field.arguments.map(argumentText).join(', ')})` : '';
  return `${field.name.value}${args}: ${print(field.type)}`;
}

type TypeDefinition = Extract<DefinitionNode, { name: { value: string } }> & { kind: string };

function typeDefinitions(document: DocumentNode): Map<string, TypeDefinition> {
  const types = new Map<string, TypeDefinition>();
  for (const definition of document.definitions) {
    if ('name' in definition && definition.name && definition.kind !== Kind.DIRECTIVE_DEFINITION) {
      types.set(definition.name.value, definition as TypeDefinition);
    }
  }
  return types;
}

function fieldsOf(definition: TypeDefinition): readonly (FieldDefinitionNode | InputValueDefinitionNode)[] {
  return 'fields' in definition && definition.fields ? definition.fields : [];
}

/** `edges: [XEdge!]! pageInfo: PageInfo!` → XEdge; `cursor: String! node: X!` → X. */
function relayShape(definition: TypeDefinition, pattern: RegExp): string | null {
  if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION) return null;
  return pattern.exec(fieldsOf(definition).map(signature).join(' '))?.[1] ?? null;
}
const PLAIN_CONNECTION = /^edges: \[(\w+Edge)!\]! pageInfo: PageInfo!$/;
const PLAIN_EDGE = /^cursor: String! node: (\w+)!$/;

/** Every type, field, input field, enum value and union member of `contract` without its entry. */
function missingFromReference(contract: DocumentNode, reference: Reference): string[] {
  const types = typeDefinitions(contract);
  const missing: string[] = [];
  const inTable = new Set<string>();
  for (const definition of types.values()) {
    const name = definition.name.value;
    const edge = relayShape(definition, PLAIN_CONNECTION);
    const edgeDefinition = edge ? types.get(edge) : undefined;
    const node = edgeDefinition ? relayShape(edgeDefinition, PLAIN_EDGE) : null;
    if (!edge || !node) continue;
    const row = reference.connections.get(name);
    if (row?.[0] !== edge || row[1] !== node)
      missing.push(`${name}: a row | \`${name}\` | \`${edge}\` | \`${node}\` |`);
    inTable.add(name).add(edge);
  }
  for (const [connection, [edge, node]] of reference.connections) {
    const edgeDefinition = types.get(edge);
    if (types.has(connection) && edgeDefinition && relayShape(edgeDefinition, PLAIN_EDGE) === node) inTable.add(edge);
  }
  for (const definition of types.values()) {
    const name = definition.name.value;
    if (inTable.has(name)) continue;
    if (!reference.types.has(name)) {
      missing.push(`${name}: a heading starting with \`${name}\``);
      continue;
    }
    const entries = reference.entries.get(name)!;
    const codes: string[] = [...fieldsOf(definition).map(signature)];
    if (definition.kind === Kind.ENUM_TYPE_DEFINITION)
      codes.push(...(definition.values ?? []).map((v) => v.name.value));
    if (definition.kind === Kind.UNION_TYPE_DEFINITION)
      codes.push(...(definition.types ?? []).map((t) => t.name.value));
    for (const code of codes) if (!entries.has(code)) missing.push(`${name}: a bullet starting with \`${code}\``);
  }
  return missing;
}

/**
 * What the served schema has beyond the contract, without an entry that says so: a type, a field
 * (whose bullet must say "beyond the contract"), an enum value, or an argument a contract field gained
 * (named as `arg: Type` in that field's bullet).
 */
function extrasMissingFromReference(contract: DocumentNode, served: DocumentNode, reference: Reference): string[] {
  const contractTypes = typeDefinitions(contract);
  const missing: string[] = [];
  for (const definition of typeDefinitions(served).values()) {
    const name = definition.name.value;
    const promised = contractTypes.get(name);
    if (!promised) {
      if (!reference.types.has(name)) missing.push(`${name}: a heading starting with \`${name}\``);
      continue;
    }
    const entries = reference.entries.get(name) ?? new Map<string, string>();
    const promisedFields = new Map(fieldsOf(promised).map((field) => [field.name.value, field]));
    for (const field of fieldsOf(definition)) {
      const contractField = promisedFields.get(field.name.value);
      if (!contractField) {
        const text = entries.get(signature(field));
        if (!text?.includes('beyond the contract')) {
          missing.push(`${name}: a bullet starting with \`${signature(field)}\` that says "beyond the contract"`);
        }
        continue;
      }
      if (field.kind !== Kind.FIELD_DEFINITION || contractField.kind !== Kind.FIELD_DEFINITION) continue;
      const promisedArgs = new Set(contractField.arguments?.map((a) => a.name.value));
      for (const argument of field.arguments ?? []) {
        if (promisedArgs.has(argument.name.value)) continue;
        if (!entries.get(signature(contractField))?.includes(`\`${argumentText(argument)}\``)) {
          missing.push(`${name}.${field.name.value}: its bullet naming \`${argumentText(argument)}\``);
        }
      }
    }
    if (definition.kind === Kind.ENUM_TYPE_DEFINITION && promised.kind === Kind.ENUM_TYPE_DEFINITION) {
      const values = new Set(promised.values?.map((v) => v.name.value));
      for (const value of definition.values ?? []) {
        if (!values.has(value.name.value) && !entries.has(value.name.value)) {
          missing.push(`${name}: a bullet starting with \`${value.name.value}\``);
        }
      }
    }
  }
  return missing;
}

const referenceDir = resolve(root, 'docs/api');
const referenceFiles = readdirSync(referenceDir)
  .filter((file) => file.endsWith('.md'))
  .map((file) => ({ name: file, text: readFileSync(resolve(referenceDir, file), 'utf8') }));
const contract = parse(readFileSync(resolve(root, 'schema/contract.graphql'), 'utf8'));
const served = parse(readFileSync(resolve(root, 'schema/schema.graphql'), 'utf8'));

describe('the API reference in docs/api/', () => {
  it('has an entry for every type, field, argument list, input field, enum value and union member of the contract', () => {
    expect(missingFromReference(contract, readReference(referenceFiles))).toEqual([]);
  });

  it('marks what the served schema adds beyond the contract', () => {
    expect(extrasMissingFromReference(contract, served, readReference(referenceFiles))).toEqual([]);
  });

  it('notices an entry that goes missing', () => {
    const users = referenceFiles.find((file) => file.name === 'users.md')!;
    const withoutUsername = users.text.replace(/^- `username: String!`.*\n(?:[ \t]+\S.*\n)*/m, '');
    const withoutLevelUp = referenceFiles
      .find((file) => file.name === 'activity.md')!
      .text.replace(/^- `LEVEL_UP`.*\n/m, '');
    const withoutTeamConnection = referenceFiles
      .find((file) => file.name === 'README.md')!
      .text.replace(/^\| `TeamConnection`.*\n/m, '');
    const others = referenceFiles.filter((file) => !['users.md', 'activity.md', 'README.md'].includes(file.name));
    const broken = readReference([
      ...others,
      { name: 'users.md', text: withoutUsername },
      { name: 'activity.md', text: withoutLevelUp },
      { name: 'README.md', text: withoutTeamConnection },
    ]);
    expect(missingFromReference(contract, broken)).toEqual([
      'TeamConnection: a row | `TeamConnection` | `TeamEdge` | `Team` |',
      'User: a bullet starting with `username: String!`',
      'ActivityType: a bullet starting with `LEVEL_UP`',
    ]);
  });
});

describe('docs/operations.md', () => {
  const operations = readFileSync(resolve(root, 'docs/operations.md'), 'utf8');

  it('lists every setting src/config.ts reads', () => {
    const config = readFileSync(resolve(root, 'src/config.ts'), 'utf8');
    const settings = new Set([...config.matchAll(/env(?:\.|, ')([A-Z][A-Z0-9_]+)/g)].map((match) => match[1]!));
    expect(settings.size).toBeGreaterThan(15);
    expect([...settings].filter((name) => !operations.includes(`\`${name}\``))).toEqual([]);
  });

  it('lists every metric src/observability/metrics.ts registers', () => {
    const metrics = readFileSync(resolve(root, 'src/observability/metrics.ts'), 'utf8');
    const names = [...metrics.matchAll(/name: '(spotter_\w+)'/g)].map((match) => match[1]!);
    expect(names.length).toBeGreaterThan(10);
    expect(names.filter((name) => !operations.includes(`\`${name}\``))).toEqual([]);
  });
});
