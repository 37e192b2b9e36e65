import SchemaBuilder from '@pothos/core';
import ComplexityPlugin from '@pothos/plugin-complexity';
import RelayPlugin from '@pothos/plugin-relay';
import { GraphQLError } from 'graphql';
import type { Context } from '../context';
import { badInput, tooComplex } from '../errors';
import { decodeGlobalId, encodeGlobalId } from './ids';
import { InputGuardPlugin } from './input-guard';
import { SyncNodeIdsPlugin } from './sync-node-ids';

/** Nesting and estimated-rows budget per operation; a page of N multiplies its selection by N. */
export const QUERY_LIMITS = { depth: 15, complexity: 50_000 } as const;

/** `nodes(ids:)` answers at most this many ids; more is QUERY_TOO_COMPLEX before anything runs. */
export const MAX_NODE_IDS = 100;

/** Filled once the schema is built, so `node(id)` can reject an ID of a type that is not a Node. */
export const nodeTypeNames = new Set<string>();

export const builder = new SchemaBuilder<{
  Context: Context;
  DefaultFieldNullability: false;
  DefaultEdgesNullability: false;
  DefaultNodeNullability: false;
  Scalars: {
    DateTime: { Input: Date; Output: Date | string };
    ID: { Input: string; Output: string | number };
  };
}>({
  // InputGuard after Relay, so its argument check runs before Relay decodes IDs; before Complexity,
  // so it sees the complexity that plugin settled on and multiplies it by list arguments.
  plugins: [RelayPlugin, SyncNodeIdsPlugin.pluginName, InputGuardPlugin.pluginName, ComplexityPlugin],
  defaultFieldNullability: false,
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    nodeFieldOptions: { nullable: false },
    encodeGlobalID: (typename, id) => encodeGlobalId(typename, id),
    decodeGlobalID: (globalId) => {
      const decoded = decodeGlobalId(globalId);
      if (!nodeTypeNames.has(decoded.typename)) throw badInput(`"${globalId}" is not the ID of a node`, 'id');
      return decoded;
    },
    nodeQueryOptions: { args: {} },
    // The ids list sets how many nodes come back: InputGuard multiplies the selection by its length.
    nodesQueryOptions: {
      complexity: (args: { ids: readonly unknown[] }) => {
        if (args.ids.length > MAX_NODE_IDS) {
          throw tooComplex(`nodes takes at most ${MAX_NODE_IDS} ids, got ${args.ids.length}`);
        }
        return { field: 1, multiplier: 1 };
      },
    },
    // The connection field already multiplies its selection by the page size (pageComplexity);
    // counting edges as a list of 5 on top would charge every nested page five times over.
    edgesFieldOptions: { complexity: { field: 1, multiplier: 1 } },
  },
  complexity: {
    defaultComplexity: 1,
    defaultListMultiplier: 5,
    // The limits are checked once per document by useQueryLimits (src/http/query-limits.ts), not by
    // the plugin's per-request walk of the operation on its first root field.
    disabled: true,
  },
});

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

builder.scalarType('DateTime', {
  description: 'An ISO-8601 date and time, always given back in UTC.',
  serialize: (value) => (value instanceof Date ? value : new Date(value)).toISOString(),
  parseValue: (value) => {
    if (typeof value !== 'string' || !ISO_DATE_TIME.test(value) || Number.isNaN(Date.parse(value))) {
      throw badInput('DateTime must be an ISO-8601 string with a time zone, e.g. 2026-01-31T18:30:00Z');
    }
    return new Date(value);
  },
  parseLiteral: (ast) => {
    if (ast.kind !== 'StringValue' || !ISO_DATE_TIME.test(ast.value) || Number.isNaN(Date.parse(ast.value))) {
      throw new GraphQLError('DateTime must be an ISO-8601 string with a time zone', {
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
    return new Date(ast.value);
  },
});

builder.queryType({});
builder.mutationType({});
builder.subscriptionType({});
