import type { Fragment } from 'postgres';
import type { Sql } from '../db/client';
import { type ConnectionArgs, type Keyed, type KeyType, type Page, type PageResult, parsePage } from '../pagination';
import { keyRows, loader, loaderPerArgs, type RequestLoader } from './factory';

/**
 * How one connection is ordered and where its rows come from. Every key column sorts the same way,
 * so a row-value comparison `(a, b) < (x, y)` walks the matching index.
 */
export interface KeysetSpec {
  /** Statement name, shown in `extensions.sql` and the /metrics series. */
  name: string;
  /** SQL type of the parent keys (the `parent` column of `where`). @default 'bigint' */
  parentType?: 'bigint' | 'integer' | 'text';
  /** Sort key columns, most significant first, e.g. `['w.started_at', 'w.id']`. */
  key: readonly string[];
  keyTypes: readonly KeyType[];
  /** The order the client sees. */
  order: 'asc' | 'desc';
  select: Fragment;
  from: Fragment;
  /** Rows of one parent; `parent` is the current key of the batch. */
  where: (parent: Fragment) => Fragment;
  /**
   * A text value to read with each page in the same statement, and so in the same snapshot as its
   * rows (a board's refresh row, which a refresh swaps with the board in one transaction).
   */
  alongside?: Fragment;
}

type Comparison = '<' | '>' | '<=' | '>=';

/**
 * A cursor part as SQL. It is sent as text and cast by PostgreSQL: a parameter the server types as
 * timestamptz is serialised by postgres.js through a JS Date, which drops the microseconds that
 * tell tied rows apart.
 */
export function keyValue(sql: Sql, value: string, type: KeyType): Fragment {
  return sql`${value}::text::${sql.unsafe(type)}`;
}

function rowOf(sql: Sql, values: readonly string[], types: readonly KeyType[]): Fragment {
  return values.map((value, i) => keyValue(sql, value, types[i]!)).reduce((acc, part) => sql`${acc}, ${part}`);
}

function compare(sql: Sql, spec: KeysetSpec, op: Comparison, values: readonly string[]): Fragment {
  return sql`(${sql.unsafe(spec.key.join(', '))}) ${sql.unsafe(op)} (${rowOf(sql, values, spec.keyTypes)})`;
}

/** Strictly after `values` in the client's order (or, with `inclusive`, at or after). */
function afterKey(sql: Sql, spec: KeysetSpec, values: readonly string[], inclusive = false): Fragment {
  const op = spec.order === 'desc' ? '<' : '>';
  return compare(sql, spec, (inclusive ? `${op}=` : op) as Comparison, values);
}

function beforeKey(sql: Sql, spec: KeysetSpec, values: readonly string[], inclusive = false): Fragment {
  const op = spec.order === 'desc' ? '>' : '<';
  return compare(sql, spec, (inclusive ? `${op}=` : op) as Comparison, values);
}

/** The SQL pieces of one keyset page, for `keysetPages` and for statements that fold a page into a bigger read. */
export interface PagePlan {
  /** The rows of `parent` inside the page's bounds (cursor conditions included). */
  condition: (parent: Fragment) => Fragment;
  /** Whether rows lie beyond the cursor on the other side, for `parent`. */
  probe: (parent: Fragment) => Fragment;
  orderBy: Fragment;
  /** `array[key::text, …]`, the row's cursor key. */
  cursorKey: Fragment;
  /** `limit + 1`: one row more than the page, to know whether there is a next one. */
  readLimit: number;
  /** `readLimit` as the statement's LIMIT (see rowLimit). */
  limit: Fragment;
}

/**
 * A row count written into the statement instead of sent as a parameter. A generic plan cannot know
 * a parameter's value and costs `limit $1` as a tenth of the rows, so PostgreSQL planned a page's
 * statement again on every call, which cost more than running it; with the count written in, it keeps
 * one plan per page size, and clients use few page sizes (at most MAX_PAGE_SIZE of them).
 */
export function rowLimit(sql: Sql, rows: number): Fragment {
  if (!Number.isSafeInteger(rows) || rows < 0) throw new Error(`Not a row count: ${rows}`);
  return sql.unsafe(String(rows));
}

export function planPage(sql: Sql, spec: KeysetSpec, page: Page): PagePlan {
  const condition = (parent: Fragment) => {
    const bounds = [spec.where(parent)];
    if (page.after) bounds.push(afterKey(sql, spec, page.after));
    if (page.before) bounds.push(beforeKey(sql, spec, page.before));
    return bounds.reduce((acc, part) => sql`${acc} and ${part}`);
  };

  const readDesc = (spec.order === 'desc') !== page.backward;
  // drizzle declares `.desc()` index columns DESC NULLS LAST, while a bare `desc` means NULLS FIRST:
  // without the matching NULLS clause PostgreSQL reads every row of the parent and sorts them.
  const nulls = spec.order === 'desc' ? (readDesc ? ' nulls last' : ' nulls first') : '';
  const orderBy = sql.unsafe(spec.key.map((k) => `${k} ${readDesc ? 'desc' : 'asc'}${nulls}`).join(', '));

  // The side opposite to the reading direction: rows before `after`, or after `before`.
  const opposite = page.backward ? page.before : page.after;
  const oppositeCondition = opposite
    ? page.backward
      ? afterKey(sql, spec, opposite, true)
      : beforeKey(sql, spec, opposite, true)
    : null;
  const probe = (parent: Fragment) =>
    oppositeCondition
      ? sql`exists (select 1 from ${spec.from} where ${spec.where(parent)} and ${oppositeCondition})`
      : sql`false`;
  const cursorKey = sql.unsafe(`array[${spec.key.map((k) => `${k}::text`).join(', ')}]`);
  return { condition, probe, orderBy, cursorKey, readLimit: page.limit + 1, limit: rowLimit(sql, page.limit + 1) };
}

/** A parent's rows as read (`readLimit` of them at most, in reading order) turned into its page. */
export function finishPage<Row extends Keyed>(rows: Row[], hasOpposite: boolean, page: Page): PageResult<Row> {
  const hasMore = rows.length > page.limit;
  const visible = rows.slice(0, page.limit);
  if (page.backward) visible.reverse();
  return {
    rows: visible,
    hasNextPage: page.backward ? hasOpposite : hasMore,
    hasPreviousPage: page.backward ? hasMore : hasOpposite,
  };
}

/**
 * One page per parent, in one statement: a lateral subquery per key reads `limit + 1` rows from the
 * index, and an EXISTS probe answers whether rows lie beyond the cursor on the other side.
 */
export async function keysetPages<Row>(
  sql: Sql,
  spec: KeysetSpec,
  parents: readonly (number | string)[],
  page: Page,
): Promise<PageResult<Row & { cursorKey: string[] }>[]> {
  const parent = sql`k.parent`;
  const plan = planPage(sql, spec, page);

  // The probe runs once per parent: `offset 0` keeps the planner from pulling it up into the output
  // rows, where it ran once per row of the page.
  const alongside = spec.alongside ? sql`${spec.alongside}::text` : sql`null::text`;
  // One parent (a profile, a workout's likes) is a scalar row: as a one-element array PostgreSQL
  // planned every call afresh once the visibility probes joined the page (see keyRows).
  const keys = keyRows(sql, parents, spec.parentType ?? 'bigint');
  type Read = { pageIndex: number; hasOpposite: boolean; alongside: string | null; cursorKey: string[] | null };
  const rows = await sql<(Read & Row)[]>`
    ${sql.unsafe(`/* ${spec.name} */`)}
    select k.idx as page_index, k.has_opposite, k.alongside, p.*
      from (select k.parent, k.idx, ${plan.probe(parent)} as has_opposite, ${alongside} as alongside
              from ${keys} as k(parent, idx)
            offset 0) k
      left join lateral (
        select ${spec.select}, ${plan.cursorKey} as cursor_key
          from ${spec.from}
         where ${plan.condition(parent)}
         order by ${plan.orderBy}
         limit ${plan.limit}
      ) p on true`;

  const results = parents.map(() => ({
    rows: [] as (Row & { cursorKey: string[] })[],
    hasOpposite: false,
    alongside: null as string | null,
  }));
  for (const row of rows) {
    const result = results[row.pageIndex - 1]!;
    result.hasOpposite = row.hasOpposite;
    result.alongside = row.alongside;
    if (row.cursorKey) result.rows.push(row as Row & { cursorKey: string[] });
  }
  return results.map(({ rows: pageRows, hasOpposite, alongside: value }) => ({
    ...finishPage(pageRows, hasOpposite, page),
    ...(spec.alongside ? { alongside: value } : {}),
  }));
}

/**
 * A root connection (no parent): the same statement shape with a single page. Takes the client's
 * connection arguments, or a page already parsed when the resolver must reject a bad cursor first.
 */
export async function keysetPage<Row>(
  sql: Sql,
  spec: Omit<KeysetSpec, 'where' | 'parentType'> & { where?: Fragment },
  page: ConnectionArgs | Page,
): Promise<PageResult<Row & { cursorKey: string[] }>> {
  const where = spec.where ?? sql`true`;
  const parsed = 'limit' in page ? page : parsePage(page, spec.keyTypes);
  const [result] = await keysetPages<Row>(sql, { ...spec, where: () => where }, [0], parsed);
  return result!;
}

type PageOf<Row> = PageResult<Row & { cursorKey: string[] }>;

/**
 * Per-parent pages from the client's connection arguments, checked against the spec's key types:
 * one loader per distinct page, each batching every parent's page into one statement. Calling it
 * validates the arguments, so a resolver can reject a bad cursor before deciding the page is empty.
 */
export function pageLoader<Row>(
  sql: Sql,
  spec: KeysetSpec,
  onBatch?: (parents: readonly (number | string)[], pages: PageOf<Row>[]) => void,
): (args: ConnectionArgs) => RequestLoader<number | string, PageOf<Row>> {
  const byPage = loaderPerArgs((page: Page) =>
    loader<number | string, PageOf<Row>>(async (parents) => {
      const pages = await keysetPages<Row>(sql, spec, parents, page);
      onBatch?.(parents, pages);
      return pages;
    }),
  );
  return (args) => byPage(parsePage(args, spec.keyTypes));
}
