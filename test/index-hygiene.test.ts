import { readdirSync, readFileSync } from 'node:fs';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type App, createApp } from '../src/app';
import { createSql, type Sql } from '../src/db/client';
import { expectData, runUntyped } from './kit/client';
import { CreateConversation, MarkRead, SendMessage } from './kit/messaging';
import { createUsers, type SeededUser } from './kit/seed';
import { exercises, LOG_WORKOUT } from './kit/training';
import { type TestDatabase, useTestDatabase } from './setup/db';

/**
 * Every index the migrations create must be used by some operation of the API, or carry a comment in
 * a migration saying why it stays. "Used" is made deterministic: this file's database plans with
 * sequential scans disabled, so on its few rows every statement takes an index whenever one can serve
 * it, and the API's operations below (each read path and each write, the leaderboard refresh
 * included) run once. An index none of them scans serves no statement at any size.
 */

const MIGRATIONS = 'drizzle';

/** `CREATE [UNIQUE] INDEX "name"` in the migrations, by name, with the files that mention it in a comment. */
function migrationIndexes() {
  const files = readdirSync(MIGRATIONS).filter((file) => file.endsWith('.sql'));
  const created = new Set<string>();
  const comments: string[] = [];
  for (const file of files.sort()) {
    const text = readFileSync(`${MIGRATIONS}/${file}`, 'utf8');
    for (const [, name] of text.matchAll(/create (?:unique )?index (?:if not exists )?"?(\w+)"?/gi)) created.add(name!);
    for (const line of text.split('\n')) {
      const comment = /--(.*)$/.exec(line)?.[1];
      if (comment && !comment.startsWith('>')) comments.push(comment);
    }
  }
  return {
    /** Those a later migration dropped are simply absent from the database. */
    indexes: [...created],
    /** A why-comment names the index and says `index-hygiene:` why nothing scans it. */
    justified: (name: string) => comments.some((c) => c.includes(name) && c.includes('index-hygiene:')),
  };
}

const db = useTestDatabase({ leaderboards: { schedule: false } });
let sql: Sql;
let app: App;
let target: TestDatabase;

beforeAll(async () => {
  const admin = postgres(inject('adminUrl'), { max: 1, onnotice: () => {} });
  await admin.unsafe(`alter database ${db.name} set enable_seqscan = off`);
  await admin.end();
  // A pool of its own, opened after the setting, so every connection plans with it.
  sql = createSql(db.url, { max: 4 });
  app = createApp({ sql, config: db.config, leaderboards: { schedule: false } });
  target = { ...db, sql, app };
});
afterAll(async () => {
  await app.close();
  await sql.end({ timeout: 5 });
});

const as = (user: SeededUser) => ({ as: user.id });

async function representativeOperations() {
  const [ada, bo, cy, dee] = (await createUsers(sql, 4)) as [SeededUser, SeededUser, SeededUser, SeededUser];
  const catalogue = await exercises(sql);
  const [firstExercise] = [...catalogue.byName.keys()];
  const exerciseId = catalogue.globalId(firstExercise!);
  // Most of these are one-off anonymous documents, which codegen does not type.
  const ok = async (
    document: string | TypedDocumentNode<unknown, never>,
    variables: Record<string, unknown> = {},
    options = {},
  ) =>
    expectData(await runUntyped(target, typeof document === 'string' ? document : print(document), variables, options));

  // Profile, search and catalogue reads.
  await ok(
    `mutation { updateProfile(input: { displayName: "Ada L", country: "se" }) { errors { code } } }`,
    {},
    as(ada),
  );
  await ok(`query ($u: String!) { userByUsername(username: $u) { id username } }`, { u: ada.username.toUpperCase() });
  await ok(`{ users(search: "user", first: 5) { edges { node { username } } } }`);
  await ok(`{ users(search: "Ada", first: 5) { edges { node { username } } } }`);
  await ok(`{ users(first: 2) { edges { cursor } } }`);
  const muscles = await ok(
    `{ muscles { id name exercises(first: 3) { edges { node { name activations { activation } } } } } }`,
  );
  await ok(`query ($m: ID) { exercises(muscleId: $m, first: 5) { edges { node { name } } } }`, {
    m: (muscles as any).muscles[0].id,
  });
  await ok(`{ exercises(first: 5) { edges { node { name } } } }`);

  // Follows, both directions, and the feed.
  for (const [follower, followee] of [
    [ada, bo],
    [ada, cy],
    [bo, ada],
    [cy, ada],
    [dee, ada],
  ] as const) {
    await ok(
      `mutation ($id: ID!) { follow(input: { userId: $id }) { errors { code } } }`,
      { id: followee.globalId },
      as(follower),
    );
  }
  await ok(
    `mutation ($id: ID!) { unfollow(input: { userId: $id }) { errors { code } } }`,
    { id: ada.globalId },
    as(dee),
  );

  // Workouts: log, read back every way, delete one.
  const startedAt = new Date(Date.now() - 3_600_000).toISOString();
  const logged: string[] = [];
  for (const user of [ada, bo, cy]) {
    for (let i = 0; i < 2; i++) {
      const data = await ok(
        LOG_WORKOUT,
        {
          input: {
            title: `Session ${i}`,
            startedAt,
            durationSeconds: 3000,
            sets: [{ exerciseId, reps: 5 + i, weightKg: 60 + i }],
          },
        },
        as(user),
      );
      logged.push((data as any).logWorkout.workout.id);
    }
  }
  await ok(
    `query ($id: ID!, $e: ID!) { user(id: $id) {
        followers(first: 5) { edges { node { username viewerIsFollowing } } }
        following(first: 5) { edges { node { username } } }
        workouts(first: 1) { edges { cursor node { title sets { reps exercise { name } } } } pageInfo { endCursor } }
        activity(first: 5, types: [WORKOUT_LOGGED]) { edges { node { type } } }
        all: activity(first: 5) { edges { node { type } } }
        stats(days: 30) { workoutCount currentStreakDays }
        exerciseProgress(exerciseId: $e, weeks: 4) { bestEstimatedOneRepMaxKg }
      } }`,
    { id: ada.globalId, e: exerciseId },
    as(bo),
  );
  await ok(`{ viewer { workouts(last: 1) { edges { node { title } } } } }`, {}, as(ada));
  await ok(`query ($id: ID!) { workout(id: $id) { title user { username } } }`, { id: logged[0] });
  await ok(`{ feed(first: 5) { edges { node { type user { username } workout { title } } } } }`, {}, as(ada));
  await ok(`{ feed(first: 5, types: [FOLLOWED]) { edges { node { type } } } }`, {}, as(bo));
  await ok(
    `mutation ($id: ID!) { deleteWorkout(input: { workoutId: $id }) { errors { code } } }`,
    { id: logged[1] },
    as(ada),
  );

  // Visibility and blocks: a hidden workout read by a stranger, a block, the blocked list, an unblock.
  await ok(
    `mutation ($id: ID!) { setWorkoutVisibility(input: { workoutId: $id, visibility: FOLLOWERS }) { errors { code } } }`,
    { id: logged[2] },
    as(bo),
  );
  await ok(`query ($id: ID!) { workout(id: $id) { title } }`, { id: logged[2] }, as(dee));
  await ok(
    `mutation ($id: ID!) { blockUser(input: { userId: $id }) { errors { code } } }`,
    { id: dee.globalId },
    as(cy),
  );
  await ok(`{ viewer { blockedUsers(first: 5) { edges { node { username } } } } }`, {}, as(cy));
  await ok(`query ($id: ID!) { user(id: $id) { viewerHasBlocked } }`, { id: dee.globalId }, as(cy));
  await ok(
    `mutation ($id: ID!) { unblockUser(input: { userId: $id }) { errors { code } } }`,
    { id: dee.globalId },
    as(cy),
  );

  // Leaderboards, refreshed first.
  await app.services.leaderboards.foldNow();
  await ok(`{ leaderboard(kind: XP_ALL_TIME, first: 2) { edges { node { rank user { username } } } } }`);
  await ok(`{ leaderboard(kind: VOLUME_THIS_WEEK, country: "SE", first: 2) { edges { node { rank } } } }`);
  await ok(
    `{ viewer { rank(kind: XP_ALL_TIME) { rank } countryRank: rank(kind: XP_ALL_TIME, withinCountry: true) { rank } } }`,
    {},
    as(ada),
  );

  // Conversations: create, send (with a retried key), read, react, edit, search, mark read, leave.
  const created = await ok(
    CreateConversation,
    { input: { title: 'Crew', memberIds: [bo.globalId, cy.globalId] } },
    as(ada),
  );
  const conversationId = (created as any).createConversation.conversation.id;
  // Search is meant for long histories: with a few rows the planner walks the conversation's btree
  // instead of the full-text index, so the conversation gets a history first.
  const conversationDbId = Number(Buffer.from(conversationId, 'base64').toString().split(':')[1]);
  await sql`insert into messages (conversation_id, sender_id, body)
            select ${conversationDbId}, ${bo.id}, 'Rest day chatter ' || g from generate_series(1, 3000) g`;
  await sql`analyze messages`;
  let messageId = '';
  for (const [sender, body, key] of [
    [ada, 'Deadlift day tomorrow', 'k1'],
    [ada, 'Deadlift day tomorrow', 'k1'],
    [bo, 'Count me in', undefined],
    [cy, 'Squats after', undefined],
  ] as const) {
    const sent = await ok(SendMessage, { input: { conversationId, body, idempotencyKey: key } }, as(sender));
    messageId = (sent as any).sendMessage.message.id;
  }
  await ok(
    `mutation ($m: ID!) { addReaction(input: { messageId: $m, emoji: "💪" }) { errors { code } } }`,
    { m: messageId },
    as(ada),
  );
  await ok(
    `mutation ($m: ID!) { removeReaction(input: { messageId: $m, emoji: "💪" }) { errors { code } } }`,
    { m: messageId },
    as(ada),
  );
  await ok(
    `mutation ($m: ID!) { addReaction(input: { messageId: $m, emoji: "🔥" }) { errors { code } } }`,
    { m: messageId },
    as(bo),
  );
  await ok(
    `mutation ($m: ID!) { editMessage(input: { messageId: $m, body: "Squats after, then bench" }) { errors { code } } }`,
    { m: messageId },
    as(cy),
  );
  await ok(
    `query ($c: ID!) { conversation(id: $c) { title memberCount unreadCount lastMessage { body }
        members(first: 5) { edges { node { username } } }
        newest: messages(last: 2) { edges { cursor node { body sender { username } reactions { emoji count viewerHasReacted } } } }
        oldest: messages(first: 2) { edges { node { sequenceNumber } } pageInfo { endCursor } } } }`,
    { c: conversationId },
    as(ada),
  );
  await ok(
    `{ viewer { conversations(first: 5) { edges { node { title unreadCount lastMessage { body } } } } } }`,
    {},
    as(bo),
  );
  await ok(`{ searchMessages(query: "deadlifts", first: 5) { edges { node { body } } } }`, {}, as(bo));
  await ok(
    `query ($c: ID!) { searchMessages(query: "squat", conversationId: $c, first: 5) { edges { node { body } } } }`,
    { c: conversationId },
    as(bo),
  );
  await ok(MarkRead, { input: { conversationId, upToSequenceNumber: 2 } }, as(bo));
  await ok(
    `query ($ids: [ID!]!) { nodes(ids: $ids) { id } }`,
    { ids: [ada.globalId, conversationId, messageId, logged[0]] },
    as(bo),
  );
  await ok(
    `mutation ($c: ID!) { leaveConversation(input: { conversationId: $c }) { errors { code } } }`,
    { c: conversationId },
    as(cy),
  );

  // Teams and goals: create, search, join by invitation, goals with contributions, the team board,
  // a completed goal's notifications, a goal deleted and a team its last member left.
  const team = (await ok(
    `mutation { createTeam(input: { name: "Hygiene Hikers", joinPolicy: INVITE_ONLY }) { team { id } errors { code } } }`,
    {},
    as(ada),
  )) as any;
  const teamId = team.createTeam.team.id;
  await ok(`{ teams(search: "hyg", first: 5) { edges { node { name } } } }`);
  await ok(
    `mutation ($t: ID!, $u: ID!) { inviteToTeam(input: { teamId: $t, userId: $u }) { errors { code } } }`,
    { t: teamId, u: bo.globalId },
    as(ada),
  );
  await ok(`mutation ($t: ID!) { joinTeam(input: { teamId: $t }) { errors { code } } }`, { t: teamId }, as(bo));
  const goal = (await ok(
    `mutation ($t: ID!, $s: DateTime!, $e: DateTime!) { createTeamGoal(input: { teamId: $t, title: "Walk", metric: DISTANCE_METERS, target: 1000, startsAt: $s, endsAt: $e }) { goal { id } errors { code } } }`,
    {
      t: teamId,
      s: new Date(Date.now() - 86_400_000).toISOString(),
      e: new Date(Date.now() + 86_400_000).toISOString(),
    },
    as(ada),
  )) as any;
  await ok(
    `mutation ($s: DateTime!) { logWorkout(input: { title: "Walk", startedAt: $s, durationSeconds: 600, sets: [], distanceMeters: 1500 }) { errors { code } } }`,
    { s: new Date().toISOString() },
    as(bo),
  );
  await ok(
    `query ($t: ID!) { team(id: $t) { owner { id } viewerRole members(first: 5) { edges { node { role user { id } } } }
        goals(first: 5) { edges { node { progress completedAt contributions(first: 5) { edges { node { amount rank user { id } } } } } } } } }`,
    { t: teamId },
    as(bo),
  );
  await ok(`query ($u: ID!) { user(id: $u) { teams(first: 5) { edges { node { name } } } } }`, { u: bo.globalId });
  await ok(`{ teamLeaderboard(metric: DISTANCE_METERS, first: 5) { edges { node { rank score team { name } } } } }`);
  await ok(
    `mutation ($g: ID!) { deleteTeamGoal(input: { goalId: $g }) { errors { code } } }`,
    { g: goal.createTeamGoal.goal.id },
    as(ada),
  );
  for (const user of [ada, bo]) {
    await ok(`mutation ($t: ID!) { leaveTeam(input: { teamId: $t }) { errors { code } } }`, { t: teamId }, as(user));
  }
}

describe('index hygiene', () => {
  it('finds every index the migrations create scanned by the API, or justified in its migration', async () => {
    await representativeOperations();
    // Closing the pool ends its sessions, and a session flushes its statistics as it ends; a fresh
    // connection that forces the flush of what is left makes the counts final.
    await app.close();
    await sql.end({ timeout: 5 });
    const reader = postgres(db.url, { max: 1, onnotice: () => {} });
    try {
      await reader`select pg_stat_force_next_flush()`;
      let rows: { index: string; scans: number; unique: boolean; constraint: boolean; foreignKey: boolean }[] = [];
      const { indexes, justified } = migrationIndexes();
      // A backend that is exiting may still be writing its counts: wait until two reads agree.
      let previous = '';
      for (let attempt = 0; attempt < 20; attempt++) {
        // A foreign key's support is the narrowest full index that starts with its columns (what a
        // cascade or a check on the referenced side looks rows up by); wider ones get no pass.
        rows = await reader`
          with keyed as (
            select i.*, string_to_array(i.indkey::text, ' ')::int2[] as keys from pg_index i)
          select s.indexrelname as index, s.idx_scan::int as scans, i.indisunique as unique,
                 exists (select 1 from pg_constraint c where c.conindid = s.indexrelid) as constraint,
                 exists (
                   select 1 from pg_constraint c
                    where c.contype = 'f' and c.conrelid = i.indrelid and i.indpred is null
                      and i.keys[1:cardinality(c.conkey)] = c.conkey
                      and not exists (
                        select 1 from keyed j
                         where j.indrelid = i.indrelid and j.indexrelid <> i.indexrelid and j.indpred is null
                           and j.keys[1:cardinality(c.conkey)] = c.conkey and j.indnkeyatts < i.indnkeyatts)
                 ) as "foreignKey"
            from pg_stat_user_indexes s join keyed i on i.indexrelid = s.indexrelid`;
        const snapshot = JSON.stringify(rows);
        if (snapshot === previous) break;
        previous = snapshot;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      const byName = new Map(rows.map((row) => [row.index, row]));
      const unused = indexes.filter((name) => {
        const row = byName.get(name);
        if (!row) return false; // dropped by a later migration
        return row.scans === 0 && !row.unique && !row.constraint && !row.foreignKey && !justified(name);
      });
      expect(unused, 'indexes nothing scanned and no migration comment justifies').toEqual([]);
      // The check has teeth: the API did scan the indexes it relies on, and the foreign-key pass
      // goes to the one narrowest index only.
      expect(byName.get('workouts_by_user_idx')?.scans).toBeGreaterThan(0);
      expect(byName.get('messages_search_idx')?.scans).toBeGreaterThan(0);
      expect(rows.filter((row) => row.foreignKey).map((row) => row.index)).toContain('activity_events_by_user_idx');
    } finally {
      await reader.end();
    }
  });
});
