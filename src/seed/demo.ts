import type { Sql } from '../db/client';
import { demoInteractions } from './demo-interactions';
import { demoTeams } from './demo-teams';
import { demoWorkouts } from './demo-training';
import { demoConversations } from './messaging';

export interface DemoUser {
  username: string;
  displayName: string;
  country: string;
}

/** The user `npm start` prints a token for and GraphiQL opens as. */
export const DEMO_USERNAME = 'demo';

export const DEMO_USERS: DemoUser[] = [
  { username: 'demo', displayName: 'Demo Lifter', country: 'SE' },
  { username: 'ada', displayName: 'Ada Stone', country: 'GB' },
  { username: 'kai', displayName: 'Kai Tanaka', country: 'JP' },
  { username: 'noa', displayName: 'Noa Silva', country: 'BR' },
  { username: 'max', displayName: 'Max Berg', country: 'SE' },
  { username: 'ria', displayName: 'Ria Okafor', country: 'NG' },
  { username: 'eli', displayName: 'Eli Novak', country: 'DE' },
  { username: 'ivy', displayName: 'Ivy Moreau', country: 'FR' },
];

export interface DemoContext {
  sql: Sql;
  /** Demo users by username, with their database ids. */
  users: Map<string, number>;
}

/** Steps that fill the demo data set; later domains append theirs (workouts, conversations…). */
export const demoSteps: ((demo: DemoContext) => Promise<void>)[] = [
  demoWorkouts,
  demoConversations,
  demoInteractions,
  demoTeams,
];

export async function isEmpty(sql: Sql): Promise<boolean> {
  const [row] = await sql`/* demo:isEmpty */ select not exists (select 1 from users) as empty`;
  return Boolean(row?.empty);
}

/** A small, rule-abiding data set for a first look in GraphiQL. */
export async function seedDemo(sql: Sql): Promise<DemoContext> {
  const rows = await sql<{ id: number; username: string }[]>`/* demo:users */
    insert into users ${sql(DEMO_USERS.map((u) => ({ username: u.username, displayName: u.displayName, country: u.country })))}
    on conflict do nothing
    returning id, username`;
  const demo: DemoContext = { sql, users: new Map(rows.map((row) => [row.username, row.id])) };
  const ids = [...demo.users.values()];
  // Everyone follows a few of the others, so every feed and follower list has something in it.
  await sql`/* demo:follows */
    insert into follows (follower_id, followee_id)
    select a, b from unnest(${ids}::bigint[]) a, unnest(${ids}::bigint[]) b
     where a <> b and (a + b) % 3 <> 0
    on conflict do nothing`;
  for (const step of demoSteps) await step(demo);
  return demo;
}
