import type { Sql } from '../db/client';
import { activityLoaders } from './activity';
import { catalogueLoaders } from './catalogue';
import { leaderboardLoaders } from './leaderboards';
import { messagingLoaders } from './messaging';
import { socialLoaders } from './social';
import { trainingLoaders } from './training';
import { userLoaders } from './users';

const groups = [
  userLoaders,
  catalogueLoaders,
  trainingLoaders,
  socialLoaders,
  activityLoaders,
  messagingLoaders,
  leaderboardLoaders,
] as const satisfies readonly ((sql: Sql, viewerId: number | null) => object)[];

type Intersect<T> = T extends readonly [(...args: never[]) => infer R, ...infer Rest] ? R & Intersect<Rest> : unknown;

/**
 * Every loader of one request. Viewer-specific loaders are built with the viewer's id, so a cache
 * can never answer for someone else.
 */
export type Loaders = Intersect<typeof groups>;

/**
 * A request builds only the loader groups it touches: a getter on the shared prototype builds its
 * group on first use. A profile read touches two of seven groups, and building all of them cost
 * 1-2 % of its CPU.
 */
class Registry {
  readonly built: (object | undefined)[] = [];
  constructor(
    readonly sql: Sql,
    readonly viewerId: number | null,
  ) {}
}

let prototypeReady = false;

/** Learns each group's loader names from the first real registry, then serves them by getter. */
function definePrototype(sql: Sql, viewerId: number | null): void {
  groups.forEach((factory, index) => {
    for (const name of Object.keys(factory(sql, viewerId))) {
      Object.defineProperty(Registry.prototype, name, {
        get(this: Registry) {
          this.built[index] ??= groups[index]!(this.sql, this.viewerId);
          return (this.built[index] as Record<string, unknown>)[name];
        },
      });
    }
  });
  prototypeReady = true;
}

export function createLoaders(sql: Sql, viewerId: number | null): Loaders {
  if (!prototypeReady) definePrototype(sql, viewerId);
  return new Registry(sql, viewerId) as unknown as Loaders;
}
