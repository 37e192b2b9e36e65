import { describe, expect, it } from 'vitest';
import { run } from '../kit/client';
import { BlockUser, driftedFollowCounters, Follow, UnblockUser, Unfollow } from '../kit/privacy';
import { createUsers, type SeededUser } from '../kit/seed';
import { useTestDatabase } from '../setup/db';

const db = useTestDatabase();

type Act = 'block' | 'unblock' | 'follow' | 'unfollow';
const DOCUMENTS = { block: BlockUser, unblock: UnblockUser, follow: Follow, unfollow: Unfollow } as const;

function act(kind: Act, by: SeededUser, of: SeededUser) {
  return run(db, DOCUMENTS[kind] as typeof Follow, { input: { userId: of.globalId } }, { as: by.id });
}

/** Follows that stand across a block: the one thing a race must never leave behind. */
async function followsAcrossBlocks() {
  return db.sql`
    select f.follower_id, f.followee_id from follows f
     where exists (select 1 from blocks b
                    where (b.blocker_id, b.blocked_id) in ((f.follower_id, f.followee_id), (f.followee_id, f.follower_id)))`;
}

describe('blocking under concurrency', () => {
  it('toggled from both sides at once, among follows and unfollows both ways, leaves counters = COUNT(*) and no follow across a block', async () => {
    const [a, b] = await createUsers(db.sql, 2);
    const acts: Act[] = ['block', 'unblock', 'follow', 'unfollow'];
    for (let round = 0; round < 8; round += 1) {
      const requests = [];
      for (let i = 0; i < 24; i += 1) {
        const kind = acts[(i * 7 + round) % acts.length]!;
        const [by, of] = (i + round) % 2 === 0 ? [a!, b!] : [b!, a!];
        requests.push(act(kind, by, of));
      }
      const results = await Promise.all(requests);
      // Every answer is a payload, never an internal error: refused follows are FORBIDDEN.
      for (const result of results) {
        expect(result.errors).toBeUndefined();
        const payload = Object.values(result.data as Record<string, { errors: { code: string }[] }>)[0]!;
        for (const error of payload.errors) expect(error.code).toBe('FORBIDDEN');
      }
      expect(await driftedFollowCounters(db)).toEqual([]);
      expect(await followsAcrossBlocks()).toEqual([]);
    }
  });

  it('a much-followed user blocking some fans while fans follow them: exact counters, no blocked fan left following', async () => {
    const [star, ...fans] = await createUsers(db.sql, 31);
    const blocked = fans.filter((_, i) => i % 3 === 0);
    await Promise.all([
      ...fans.map((fan) => act('follow', fan, star!)),
      ...blocked.map((fan) => act('block', star!, fan)),
      ...fans.slice(0, 10).map((fan) => act('follow', star!, fan)),
    ]);
    expect(await driftedFollowCounters(db)).toEqual([]);
    expect(await followsAcrossBlocks()).toEqual([]);
    const [{ followers }] = await db.sql<[{ followers: number }]>`
      select follower_count as followers from users where id = ${star!.id}`;
    expect(followers).toBe(fans.length - blocked.length);
  });
});
