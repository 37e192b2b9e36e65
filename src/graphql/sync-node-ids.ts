import SchemaBuilder, { BasePlugin, type PothosOutputFieldConfig, type SchemaTypes } from '@pothos/core';
import type { GraphQLFieldResolver } from 'graphql';
import { isPromise } from 'graphql-yoga';
import { encodeGlobalId } from './ids';

type Resolver<Types extends SchemaTypes> = GraphQLFieldResolver<unknown, Types['Context'], object>;
type NodeId = (parent: unknown, args: object, context: unknown, info: unknown) => string | number;

/**
 * The `id` of every Node, resolved without a promise. The relay plugin's global-ID field is an async
 * function, so each node of a page cost a promise, its microtasks and graphql-jit's bookkeeping for
 * an awaited field, and a nested read has hundreds of nodes. This encodes the node's own id (`builder.node`'s
 * `id.resolve`) the way the relay plugin's `encodeGlobalID` option does, and awaits only an id that
 * really is a promise.
 */
export class SyncNodeIdsPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  static readonly pluginName = 'syncNodeIds' as const;

  override wrapResolve(resolver: Resolver<Types>, fieldConfig: PothosOutputFieldConfig<Types>): Resolver<Types> {
    if (fieldConfig.name !== 'id' || fieldConfig.graphqlKind !== 'Object') return resolver;
    const typeConfig = this.buildCache.getTypeConfig(fieldConfig.parentType);
    const nodeId = (typeConfig.pothosOptions as { id?: { resolve?: NodeId } }).id?.resolve;
    if (typeConfig.kind !== 'Object' || typeof nodeId !== 'function') return resolver;
    const typename = typeConfig.name;
    // A plain check, not mapMaybePromise: its helpers cost more than the encoding for a page of nodes.
    return (parent, args, context, info) => {
      const id = nodeId(parent, args, context, info);
      return isPromise(id) ? id.then((resolved) => encodeGlobalId(typename, resolved)) : encodeGlobalId(typename, id);
    };
  }
}

declare global {
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      syncNodeIds: SyncNodeIdsPlugin<Types>;
    }
  }
}

SchemaBuilder.registerPlugin(SyncNodeIdsPlugin.pluginName, SyncNodeIdsPlugin);
