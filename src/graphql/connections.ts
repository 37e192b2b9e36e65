import { type ConnectionArgs, cursorCodec, DEFAULT_PAGE_SIZE, type Keyed, type PageResult } from '../pagination';
import { builder } from './builder';

export const forwardArgs = builder.args((t) => ({
  first: t.int({ description: 'At most 100; 20 when neither first nor last is given.' }),
  after: t.string(),
}));

export const bidirectionalArgs = builder.args((t) => ({
  first: t.int({ description: 'At most 100; 20 when neither first nor last is given.' }),
  after: t.string(),
  last: t.int({ description: 'At most 100; cannot be combined with first.' }),
  before: t.string(),
}));

/** A page multiplies the cost of its selection by the rows it may return. */
export function pageComplexity(args: ConnectionArgs) {
  const size = args.first ?? args.last ?? DEFAULT_PAGE_SIZE;
  return { field: 1, multiplier: Math.max(1, Math.min(size, 100)) };
}

export interface Connection<Node> {
  edges: { cursor: string; node: Node }[];
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
}

export function toConnection<Row extends Keyed, Node = Row>(
  result: PageResult<Row>,
  toNode: (row: Row) => Node = (row) => row as unknown as Node,
): Connection<Node> {
  const edges = result.rows.map((row) => ({
    cursor: cursorCodec.encode(row.cursorKey),
    node: toNode(row),
  }));
  return {
    edges,
    pageInfo: {
      hasNextPage: result.hasNextPage,
      hasPreviousPage: result.hasPreviousPage,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

export const EMPTY_CONNECTION: Connection<never> = {
  edges: [],
  pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
};
