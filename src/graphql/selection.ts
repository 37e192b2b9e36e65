import {
  type FieldNode,
  type GraphQLField,
  type GraphQLResolveInfo,
  getArgumentValues,
  getNamedType,
  isObjectType,
  Kind,
  type SelectionSetNode,
} from 'graphql';

/**
 * The `name` fields selected directly under `parents` (through fragments and inline fragments,
 * aliases included), and whether a directive could add or remove one: an `@include`/`@skip` on such
 * a field or on a fragment that may hold one.
 */
function childFields(
  parents: readonly FieldNode[],
  name: string,
  info: GraphQLResolveInfo,
): { fields: FieldNode[]; directed: boolean } {
  const fields: FieldNode[] = [];
  let directed = false;
  const visit = (selectionSet: SelectionSetNode | undefined, seen: Set<string>) => {
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.directives?.length && (selection.kind !== Kind.FIELD || selection.name.value === name)) {
        directed = true;
      }
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value === name) fields.push(selection);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        visit(selection.selectionSet, seen);
      } else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        visit(info.fragments[selection.name.value]?.selectionSet, seen);
      }
    }
  };
  for (const parent of parents) visit(parent.selectionSet, new Set());
  return { fields, directed };
}

/**
 * What a walk of the selection found, kept per selection: `info.fieldNodes` (and the fragments it
 * reaches) belong to the parsed document, which Yoga caches, so each document is walked once and
 * not on every request. Only the arguments, which depend on the variables, are read per request.
 */
const walks = new WeakMap<readonly FieldNode[], Map<string, unknown>>();

function perSelection<T>(info: GraphQLResolveInfo, key: string, walk: () => T): T {
  let found = walks.get(info.fieldNodes);
  if (!found) {
    found = new Map();
    walks.set(info.fieldNodes, found);
  }
  if (!found.has(key)) found.set(key, walk());
  return found.get(key) as T;
}

/**
 * The arguments of the one `name` field selected under the current field, so a resolver can fetch
 * that child's rows in its own statement. Null when the child is absent, selected twice (aliases),
 * under a directive, or when its arguments do not coerce: the child then resolves on its own.
 */
export function soleChildArguments(info: GraphQLResolveInfo, name: string): Record<string, unknown> | null {
  const child = perSelection(info, `sole ${name}`, () => {
    const { fields, directed } = childFields(info.fieldNodes, name, info);
    if (directed || fields.length !== 1) return null;
    const parent = getNamedType(info.returnType);
    const field = isObjectType(parent) ? parent.getFields()[name] : undefined;
    return field ? { node: fields[0]!, field: field as GraphQLField<unknown, unknown> } : null;
  });
  if (!child) return null;
  try {
    return getArgumentValues(child.field, child.node, info.variableValues);
  } catch {
    return null;
  }
}

/**
 * Whether `path` (field names, e.g. `['edges', 'node', 'sender']`) may be selected under the current
 * field, through fragments and aliases. Directives are not evaluated, so a field under `@skip` counts
 * as selected: good enough to decide what a statement fetches ahead, never to decide what is answered.
 */
export function maySelect(info: GraphQLResolveInfo, path: readonly string[]): boolean {
  return perSelection(info, `path ${path.join('.')}`, () => {
    let level: readonly FieldNode[] = info.fieldNodes;
    for (const name of path) {
      level = childFields(level, name, info).fields;
      if (level.length === 0) return false;
    }
    return true;
  });
}
