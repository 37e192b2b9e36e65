/**
 * What a process allocated between two heap snapshots of one inspector session and still holds:
 * the objects of the second snapshot whose ids the first does not have, grouped by kind and name
 * (a constructor, a string, compiled code, …), largest first. The soak writes the snapshots with
 * `--heap-snapshots`.
 *
 *   npx tsx bench/heap-diff.ts before.heapsnapshot after.heapsnapshot [rows]
 */
import { readFileSync } from 'node:fs';

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
  strings: string[];
}

export interface HeapNode {
  id: number;
  type: string;
  name: string;
  selfSize: number;
}

export function readHeapNodes(path: string): HeapNode[] {
  const snapshot = JSON.parse(readFileSync(path, 'utf8')) as Snapshot;
  const fields = snapshot.snapshot.meta.node_fields;
  const types = snapshot.snapshot.meta.node_types[0];
  const [typeAt, nameAt, idAt, sizeAt] = ['type', 'name', 'id', 'self_size'].map((f) => fields.indexOf(f)) as [
    number,
    number,
    number,
    number,
  ];
  const nodes: HeapNode[] = [];
  for (let i = 0; i < snapshot.nodes.length; i += fields.length) {
    const type = types[snapshot.nodes[i + typeAt]!]!;
    const rawName = snapshot.strings[snapshot.nodes[i + nameAt]!]!;
    // Strings are named by their text: group them by kind, with a short sample of the text.
    const name = type === 'string' || type === 'concatenated string' ? rawName.slice(0, 60) : rawName;
    nodes.push({ id: snapshot.nodes[i + idAt]!, type, name, selfSize: snapshot.nodes[i + sizeAt]! });
  }
  return nodes;
}

export function newObjects(before: readonly HeapNode[], after: readonly HeapNode[]) {
  const seen = new Set(before.map((node) => node.id));
  const groups = new Map<string, { type: string; name: string; count: number; bytes: number }>();
  for (const node of after) {
    if (seen.has(node.id)) continue;
    const key = `${node.type}\u0000${node.name}`;
    const group = groups.get(key) ?? { type: node.type, name: node.name, count: 0, bytes: 0 };
    group.count += 1;
    group.bytes += node.selfSize;
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => b.bytes - a.bytes);
}

function byType(nodes: readonly HeapNode[]) {
  const totals = new Map<string, number>();
  for (const node of nodes) totals.set(node.type, (totals.get(node.type) ?? 0) + node.selfSize);
  return totals;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [beforePath, afterPath, rows = '30'] = process.argv.slice(2);
  if (!beforePath || !afterPath) {
    console.error('usage: npx tsx bench/heap-diff.ts before.heapsnapshot after.heapsnapshot [rows]');
    process.exit(2);
  }
  const before = readHeapNodes(beforePath);
  const after = readHeapNodes(afterPath);
  const kb = (bytes: number) => (bytes / 1024).toFixed(1);
  const typesBefore = byType(before);
  const typesAfter = byType(after);
  console.log('| kind | before KB | after KB | change KB |\n|---|---|---|---|');
  for (const type of new Set([...typesBefore.keys(), ...typesAfter.keys()])) {
    const b = typesBefore.get(type) ?? 0;
    const a = typesAfter.get(type) ?? 0;
    console.log(`| ${type} | ${kb(b)} | ${kb(a)} | ${kb(a - b)} |`);
  }
  const groups = newObjects(before, after);
  const total = groups.reduce((sum, g) => sum + g.bytes, 0);
  console.log(`\nAllocated between the snapshots and still held: ${kb(total)} KB in ${groups.length} groups\n`);
  console.log('| kind | name | count | KB |\n|---|---|---|---|');
  for (const group of groups.slice(0, Number(rows))) {
    const name = JSON.stringify(group.name).slice(1, -1).replaceAll('|', '\\|');
    console.log(`| ${group.type} | ${name} | ${group.count} | ${kb(group.bytes)} |`);
  }
}
