import { graphql } from '../gql';
import type { TestDatabase } from '../setup/db';
import { expectData, run } from './client';
import type { SeededUser } from './seed';

export const SetWorkoutVisibility = graphql(`
  mutation SetWorkoutVisibility($input: SetWorkoutVisibilityInput!) {
    setWorkoutVisibility(input: $input) { workout { id visibility } errors { code field } }
  }`);

export const BlockUser = graphql(`
  mutation BlockUser($input: BlockInput!) {
    blockUser(input: $input) {
      user { id followerCount followingCount viewerHasBlocked viewerIsFollowing }
      viewer { id followerCount followingCount }
      errors { code message field }
    }
  }`);

export const UnblockUser = graphql(`
  mutation UnblockUser($input: BlockInput!) {
    unblockUser(input: $input) {
      user { id viewerHasBlocked viewerIsFollowing }
      viewer { id }
      errors { code field }
    }
  }`);

export const Follow = graphql(`
  mutation PrivacyFollow($input: FollowInput!) { follow(input: $input) { errors { code field } } }`);

export const Unfollow = graphql(`
  mutation PrivacyUnfollow($input: FollowInput!) { unfollow(input: $input) { errors { code field } } }`);

export async function block(db: TestDatabase, by: SeededUser, user: SeededUser) {
  return expectData(await run(db, BlockUser, { input: { userId: user.globalId } }, { as: by.id })).blockUser;
}

export async function unblock(db: TestDatabase, by: SeededUser, user: SeededUser) {
  return expectData(await run(db, UnblockUser, { input: { userId: user.globalId } }, { as: by.id })).unblockUser;
}

export async function follow(db: TestDatabase, by: SeededUser, user: SeededUser) {
  return expectData(await run(db, Follow, { input: { userId: user.globalId } }, { as: by.id })).follow;
}

export async function setVisibility(
  db: TestDatabase,
  owner: SeededUser,
  workoutGlobalId: string,
  visibility: 'EVERYONE' | 'FOLLOWERS' | 'ONLY_ME',
) {
  return expectData(
    await run(db, SetWorkoutVisibility, { input: { workoutId: workoutGlobalId, visibility } }, { as: owner.id }),
  ).setWorkoutVisibility;
}

/** Every follower and following counter equal to its COUNT(*) of follows, as rows that differ (none expected). */
export async function driftedFollowCounters(db: TestDatabase) {
  return db.sql`
    select u.id, u.follower_count, u.following_count,
           (select count(*)::int from follows f where f.followee_id = u.id) as followers,
           (select count(*)::int from follows f where f.follower_id = u.id) as following
      from users u
     where u.follower_count <> (select count(*) from follows f where f.followee_id = u.id)
        or u.following_count <> (select count(*) from follows f where f.follower_id = u.id)`;
}
