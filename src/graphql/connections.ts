import { type ConnectionArgs, DEFAULT_PAGE_SIZE } from '../pagination';
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
