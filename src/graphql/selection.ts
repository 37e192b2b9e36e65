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
 * The arguments of the one `name` field selected under the current field, so a resolver can fetch
 * that child's rows in its own statement. Null when the child is absent, selected twice (aliases),
 * under a directive, or when its arguments do not coerce: the child then resolves on its own.
 */
export function soleChildArguments(info: GraphQLResolveInfo, name: string): Record<string, unknown> | null {
  const found: FieldNode[] = [];
  let unsure = false;
  const visit = (selectionSet: SelectionSetNode | undefined, seen: Set<string>) => {
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.directives?.length) {
        unsure ||= selection.kind !== Kind.FIELD || selection.name.value === name;
        if (unsure) return;
        continue;
      }
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value === name) found.push(selection);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        visit(selection.selectionSet, seen);
      } else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        visit(info.fragments[selection.name.value]?.selectionSet, seen);
      }
    }
  };
  for (const node of info.fieldNodes) visit(node.selectionSet, new Set());
  if (unsure || found.length !== 1) return null;
  const parent = getNamedType(info.returnType);
  const field = isObjectType(parent) ? parent.getFields()[name] : undefined;
  if (!field) return null;
  try {
    return getArgumentValues(field as GraphQLField<unknown, unknown>, found[0]!, info.variableValues);
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
  const walk = (selectionSet: SelectionSetNode | undefined, depth: number, seen: Set<string>): boolean => {
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value !== path[depth]) continue;
        if (depth === path.length - 1 || walk(selection.selectionSet, depth + 1, seen)) return true;
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (walk(selection.selectionSet, depth, seen)) return true;
      } else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        if (walk(info.fragments[selection.name.value]?.selectionSet, depth, seen)) return true;
      }
    }
    return false;
  };
  return info.fieldNodes.some((node) => walk(node.selectionSet, 0, new Set()));
}
