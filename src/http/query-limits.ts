import { complexityFromQuery } from '@pothos/plugin-complexity';
import {
  type DocumentNode,
  GraphQLError,
  type GraphQLSchema,
  Kind,
  type OperationDefinitionNode,
  TypeInfo,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { tooComplex } from '../errors';
import { QUERY_LIMITS } from '../graphql/builder';

interface Cost {
  depth: number;
  complexity: number;
}

interface OperationCosts {
  /** The variables that feed a field's cost (`first`, `last`); every other variable leaves it unchanged. */
  costVariables: string[];
  byVariables: Map<string, Cost | null>;
}

/** Enough for every page size a client sends one document with; a client cycling more only recomputes. */
const MAX_VARIABLE_SETS = 64;

/**
 * Depth and cost limits (`QUERY_LIMITS`), computed once per document and per value of the variables
 * that change the cost, instead of once per request. Costs come from the fields' `complexity`
 * options (Pothos's complexity plugin), which read only arguments, never the context, so a cached
 * figure is the figure. An over-limit operation is answered with QUERY_TOO_COMPLEX before anything runs.
 */
export function useQueryLimits(): Plugin {
  const byDocument = new WeakMap<DocumentNode, Map<string, OperationCosts | null>>();

  const costOf = (
    schema: GraphQLSchema,
    document: DocumentNode,
    operationName: string | null | undefined,
    variables: Record<string, unknown> | null | undefined,
  ): Cost | null => {
    let operations = byDocument.get(document);
    if (!operations) {
      operations = new Map();
      byDocument.set(document, operations);
    }
    const name = operationName ?? '';
    let costs = operations.get(name);
    if (costs === undefined) {
      const operation = selectedOperation(document, operationName);
      costs = operation ? { costVariables: costVariables(schema, document), byVariables: new Map() } : null;
      operations.set(name, costs);
    }
    if (!costs) return null; // No such operation: execution reports it.
    const key = JSON.stringify(costs.costVariables.map((variable) => variables?.[variable] ?? null));
    let cost = costs.byVariables.get(key);
    if (cost === undefined) {
      cost = computeCost(schema, document, operationName, variables);
      if (costs.byVariables.size >= MAX_VARIABLE_SETS) costs.byVariables.clear();
      costs.byVariables.set(key, cost);
    }
    return cost;
  };

  const check = (args: {
    schema: GraphQLSchema;
    document: DocumentNode;
    operationName?: string | null;
    variableValues?: Record<string, unknown> | null;
  }) => {
    let cost: Cost | null;
    try {
      cost = costOf(args.schema, args.document, args.operationName, args.variableValues);
    } catch (error) {
      return error as GraphQLError;
    }
    if (!cost) return null;
    if (cost.depth > QUERY_LIMITS.depth) {
      return tooComplex(`Query depth ${cost.depth} exceeds the limit of ${QUERY_LIMITS.depth}`);
    }
    if (cost.complexity > QUERY_LIMITS.complexity) {
      return tooComplex(`Query complexity ${cost.complexity} exceeds the limit of ${QUERY_LIMITS.complexity}`);
    }
    return null;
  };

  return {
    onExecute({ args, setResultAndStopExecution }) {
      const error = check(args);
      if (error) setResultAndStopExecution({ errors: [error] });
    },
    onSubscribe({ args, setResultAndStopExecution }) {
      const error = check(args);
      if (error) setResultAndStopExecution({ errors: [error] });
    },
  };
}

function selectedOperation(document: DocumentNode, operationName: string | null | undefined) {
  const operations = document.definitions.filter(
    (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
  );
  if (operationName == null) return operations.length === 1 ? operations[0]! : null;
  return operations.find((operation) => operation.name?.value === operationName) ?? null;
}

/** Variables used anywhere in the arguments of a field whose cost is a function of its arguments. */
function costVariables(schema: GraphQLSchema, document: DocumentNode): string[] {
  const typeInfo = new TypeInfo(schema);
  const names = new Set<string>();
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const complexity = typeInfo.getFieldDef()?.extensions?.complexity;
        if (typeof complexity !== 'function' || !node.arguments?.length) return;
        for (const argument of node.arguments) {
          visit(argument.value, {
            Variable(variable) {
              names.add(variable.name.value);
            },
          });
        }
      },
    }),
  );
  return [...names].sort();
}

/**
 * The selected operation's cost. Null when its variables do not coerce: execution then reports
 * them as graphql-js words it, and nothing is run.
 */
function computeCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | null | undefined,
): Cost | null {
  const operation = selectedOperation(document, operationName)!;
  // complexityFromQuery reads the first operation of a document: hand it the selected one alone.
  const single: DocumentNode = {
    kind: Kind.DOCUMENT,
    definitions: [operation, ...document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION)],
  };
  try {
    const { depth, complexity } = complexityFromQuery(single, { schema, variables: variables ?? {} });
    return { depth, complexity };
  } catch (error) {
    // A field's complexity may itself refuse its arguments (`nodes` over 100 ids): that refusal stands.
    if (error instanceof GraphQLError && error.extensions?.code === 'QUERY_TOO_COMPLEX') throw error;
    return null;
  }
}
