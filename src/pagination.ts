import { badInput } from './errors';

/** The types a keyset cursor part can have; each is checked before it reaches SQL. */
export type KeyType = 'timestamptz' | 'bigint' | 'integer' | 'float' | 'numeric' | 'text';

const KEY_PATTERNS: Record<KeyType, RegExp> = {
  timestamptz: /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?([+-]\d{2}(:?\d{2})?|Z)?$/,
  bigint: /^-?\d{1,18}$/,
  integer: /^-?\d{1,9}$/,
  float: /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i,
  numeric: /^-?\d{1,40}(\.\d{1,40})?$/,
  text: /^[\s\S]{0,500}$/,
};

/**
 * The one cursor codec. A cursor is the row's sort key as PostgreSQL text (timestamps keep their
 * microseconds, never rounded through a JS Date), so rows tied on the sort key are neither skipped
 * nor repeated.
 */
export const cursorCodec = {
  encode(key: readonly string[]): string {
    return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
  },
  decode(raw: string, types: readonly KeyType[], argument: string): string[] {
    let parsed: unknown;
    try {
      parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    } catch {
      throw badInput(`Malformed cursor in "${argument}"`, argument);
    }
    if (
      !Array.isArray(parsed) ||
      parsed.length !== types.length ||
      !parsed.every((part, i) => typeof part === 'string' && KEY_PATTERNS[types[i]!].test(part))
    ) {
      throw badInput(`Malformed cursor in "${argument}"`, argument);
    }
    return parsed as string[];
  },
};

export interface ConnectionArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

/** A validated page request: which way to read, how many, and the decoded bounds. */
export interface Page {
  backward: boolean;
  limit: number;
  after: string[] | null;
  before: string[] | null;
}

/** The most common sort key: a timestamp, ties broken by the row id. */
export const TIME_AND_ID: readonly KeyType[] = ['timestamptz', 'bigint'];

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

export function parsePage(args: ConnectionArgs, keyTypes: readonly KeyType[]): Page {
  const { first, last } = args;
  if (first != null && last != null) {
    throw badInput('Pass either "first" or "last", not both', 'last');
  }
  for (const [name, value] of [
    ['first', first],
    ['last', last],
  ] as const) {
    if (value != null && (value < 0 || value > MAX_PAGE_SIZE)) {
      throw badInput(`"${name}" must be between 0 and ${MAX_PAGE_SIZE}`, name);
    }
  }
  return {
    backward: last != null,
    limit: first ?? last ?? DEFAULT_PAGE_SIZE,
    after: args.after ? cursorCodec.decode(args.after, keyTypes, 'after') : null,
    before: args.before ? cursorCodec.decode(args.before, keyTypes, 'before') : null,
  };
}

/** A row of a keyset page: its sort key as text, from which its cursor is made. */
export interface Keyed {
  cursorKey: string[];
}

export interface PageResult<Row extends Keyed> {
  rows: Row[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  /** The spec's `alongside` value, read in the page's own statement (one snapshot with its rows). */
  alongside?: string | null;
}
