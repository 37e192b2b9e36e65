import SchemaBuilder, { BasePlugin, type PothosOutputFieldConfig, type SchemaTypes } from '@pothos/core';
import type { GraphQLFieldResolver } from 'graphql';
import { badInput, userError } from '../errors';

/** No contract field takes more (a message body is 4000 characters after trimming). */
export const MAX_STRING_LENGTH = 10_000;

/** In a `u` regex a surrogate pair is one code point, so only unpaired halves match. */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/** Why a string cannot enter the server, or null when it can. */
export function stringProblem(value: string): string | null {
  // PostgreSQL text cannot hold U+0000, and UTF-8 cannot encode a lone surrogate (the driver would
  // silently store U+FFFD instead).
  if (value.includes('\u0000')) return 'must not contain the NUL character (U+0000)';
  if (LONE_SURROGATE.test(value)) return 'must not contain a lone UTF-16 surrogate';
  if (value.length > MAX_STRING_LENGTH) return `must be at most ${MAX_STRING_LENGTH} characters`;
  return null;
}

/** The first string anywhere in `value` that cannot enter the server, with its path. */
function findBadString(value: unknown, path: string): { path: string; problem: string } | null {
  if (typeof value === 'string') {
    const problem = stringProblem(value);
    return problem ? { path, problem } : null;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) {
      const found = findBadString(value[i], `${path}.${i}`);
      if (found) return found;
    }
    return null;
  }
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    for (const [key, item] of Object.entries(value)) {
      const found = findBadString(item, path ? `${path}.${key}` : key);
      if (found) return found;
    }
  }
  return null;
}

/** `input.sets.3.title` names `sets.3.title` in a payload, as the domain validators do. */
function payloadField(path: string): string {
  return path.startsWith('input.') ? path.slice('input.'.length) : path;
}

type Resolver<Types extends SchemaTypes> = GraphQLFieldResolver<unknown, Types['Context'], object>;

/**
 * Checks every string of every argument and input, once, before any resolver or argument mapper
 * sees it: a mutation answers with a VALIDATION UserError naming the field (its payload has
 * `errors`), anything else with BAD_USER_INPUT. Nothing runs, so nothing is written.
 *
 * It also makes a list argument multiply the cost of what is selected under it (`nodes(ids:)`,
 * `feed(types:)`, and any list argument added later), on top of the field's own complexity.
 */
export class InputGuardPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  static readonly pluginName = 'inputGuard' as const;

  override onOutputFieldConfig(fieldConfig: PothosOutputFieldConfig<Types>): PothosOutputFieldConfig<Types> {
    const listArgs = Object.entries(fieldConfig.args)
      .filter(([, arg]) => arg.type.kind === 'List')
      .map(([name]) => name);
    const base = fieldConfig.extensions?.complexity as ComplexityOption | undefined;
    if (listArgs.length === 0 || base === undefined) return fieldConfig;
    return {
      ...fieldConfig,
      extensions: {
        ...fieldConfig.extensions,
        complexity: (args: Record<string, unknown>, ctx: unknown, field: unknown) => {
          const own = typeof base === 'function' ? base(args, ctx, field) : base;
          const { field: cost, multiplier } = typeof own === 'number' ? { field: own, multiplier: 1 } : own;
          const longest = Math.max(1, ...listArgs.map((name) => (Array.isArray(args[name]) ? args[name].length : 0)));
          return { field: cost, multiplier: (multiplier ?? 1) * longest };
        },
      },
    };
  }

  override wrapArgMappers(resolver: Resolver<Types> | undefined, fieldConfig: PothosOutputFieldConfig<Types>) {
    if (!resolver || Object.keys(fieldConfig.args).length === 0) return resolver;
    const isMutation = fieldConfig.kind === 'Mutation';
    return ((parent, args, context, info) => {
      const found = findBadString(args, '');
      if (found) {
        if (isMutation) {
          return {
            errors: [userError('VALIDATION', `${payloadField(found.path)} ${found.problem}`, payloadField(found.path))],
          };
        }
        const argument = found.path.split('.')[0]!;
        throw badInput(`${found.path} ${found.problem}`, argument);
      }
      return resolver(parent, args, context, info);
    }) satisfies Resolver<Types>;
  }
}

type ComplexityValue = number | { field?: number; multiplier?: number };
type ComplexityOption = ComplexityValue | ((args: object, ctx: unknown, field: unknown) => ComplexityValue);

declare global {
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      inputGuard: InputGuardPlugin<Types>;
    }
  }
}

SchemaBuilder.registerPlugin(InputGuardPlugin.pluginName, InputGuardPlugin);
