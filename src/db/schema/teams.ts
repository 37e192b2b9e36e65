import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  doublePrecision,
  index,
  integer,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { users } from './users';

export const teamRole = pgEnum('team_role', ['OWNER', 'MEMBER']);
export type TeamRole = (typeof teamRole.enumValues)[number];
export const teamJoinPolicy = pgEnum('team_join_policy', ['OPEN', 'INVITE_ONLY']);
export type TeamJoinPolicy = (typeof teamJoinPolicy.enumValues)[number];
export const goalMetric = pgEnum('goal_metric', ['DISTANCE_METERS', 'VOLUME_KG', 'WORKOUTS', 'XP']);
export type GoalMetric = (typeof goalMetric.enumValues)[number];

/** The cap a join checks under the team's row lock; the check constraint backs it. */
export const TEAM_MEMBER_CAP = 1000;

export const teams = pgTable(
  'teams',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    name: text().notNull(),
    description: text().notNull().default(''),
    joinPolicy: teamJoinPolicy().notNull().default('OPEN'),
    // Kept by tg_team_members__count (drizzle/0027_…).
    memberCount: integer().notNull().default(0),
    createdAt: timestamp({ withTimezone: true, precision: 6 }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('teams_name_lower_key').on(sql`lower(${t.name})`),
    index('teams_name_prefix_idx').on(sql`lower(${t.name}) text_pattern_ops`, t.id),
    check('teams_name_length', sql`char_length(${t.name}) between 3 and 60`),
    check('teams_description_length', sql`char_length(${t.description}) <= 500`),
    check('teams_member_count_range', sql`${t.memberCount} between 0 and 1000`),
  ],
);

export const teamMembers = pgTable(
  'team_members',
  {
    teamId: bigint({ mode: 'number' })
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    userId: bigint({ mode: 'number' })
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: teamRole().notNull().default('MEMBER'),
    joinedAt: timestamp({ withTimezone: true, precision: 6 }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'team_members_pkey', columns: [t.teamId, t.userId] }),
    // Team.members (earliest joined first) and the next owner when the owner leaves.
    index('team_members_by_team_idx').on(t.teamId, t.joinedAt, t.userId),
    // User.teams, most recently joined first, and the goals a workout counts toward.
    index('team_members_by_user_idx').on(t.userId, t.joinedAt.desc(), t.teamId.desc()),
    uniqueIndex('team_members_one_owner_key').on(t.teamId).where(sql`${t.role} = 'OWNER'`),
  ],
);

/** A member invited this user; an INVITE_ONLY team admits only invited users. */
export const teamInvites = pgTable(
  'team_invites',
  {
    teamId: bigint({ mode: 'number' })
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    inviteeId: bigint({ mode: 'number' })
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    inviterId: bigint({ mode: 'number' })
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp({ withTimezone: true, precision: 6 }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'team_invites_pkey', columns: [t.teamId, t.inviteeId] }),
    index('team_invites_invitee_idx').on(t.inviteeId),
    index('team_invites_inviter_idx').on(t.inviterId),
  ],
);

/**
 * progress is the sum of goal_contributions.amount, both kept by the triggers in drizzle/0027_… in
 * the writing transaction. numeric, so a sum of deltas is exactly the sum recomputed from scratch.
 */
export const teamGoals = pgTable(
  'team_goals',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    teamId: bigint({ mode: 'number' })
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    title: text().notNull(),
    metric: goalMetric().notNull(),
    target: doublePrecision().notNull(),
    startsAt: timestamp({ withTimezone: true, precision: 6 }).notNull(),
    endsAt: timestamp({ withTimezone: true, precision: 6 }).notNull(),
    progress: numeric().notNull().default('0'),
    completedAt: timestamp({ withTimezone: true, precision: 6 }),
    createdAt: timestamp({ withTimezone: true, precision: 6 }).notNull().defaultNow(),
  },
  (t) => [
    index('team_goals_by_team_idx').on(t.teamId, t.endsAt.desc(), t.id.desc()),
    check('team_goals_title_length', sql`char_length(${t.title}) between 1 and 200`),
    check('team_goals_target_range', sql`${t.target} > 0 and ${t.target} <= 1e9`),
    check('team_goals_window', sql`${t.endsAt} > ${t.startsAt} and ${t.endsAt} <= ${t.startsAt} + interval '366 days'`),
  ],
);

/**
 * A current member's share of a goal. No foreign key to users: a member's rows go with their
 * membership, through the trigger that also takes the share out of the goal's progress.
 */
export const goalContributions = pgTable(
  'goal_contributions',
  {
    goalId: bigint({ mode: 'number' })
      .notNull()
      .references(() => teamGoals.id, { onDelete: 'cascade' }),
    userId: bigint({ mode: 'number' }).notNull(),
    amount: numeric().notNull(),
  },
  (t) => [
    primaryKey({ name: 'goal_contributions_pkey', columns: [t.goalId, t.userId] }),
    index('goal_contributions_ranking_idx').on(t.goalId, t.amount.desc(), t.userId.desc()),
  ],
);

/**
 * Per team and ISO week (named by its Monday): the sums of its current members' workouts that started
 * in that week, kept by the same triggers as goal progress; the team board divides them by memberCount.
 */
export const teamWeeks = pgTable(
  'team_weeks',
  {
    teamId: bigint({ mode: 'number' })
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    weekStart: date({ mode: 'string' }).notNull(),
    distanceMeters: numeric().notNull().default('0'),
    volumeKg: numeric().notNull().default('0'),
    workouts: numeric().notNull().default('0'),
    xp: numeric().notNull().default('0'),
  },
  (t) => [primaryKey({ name: 'team_weeks_pkey', columns: [t.teamId, t.weekStart] })],
);

/**
 * The team board: per metric and week, every team whose score there is above zero (the week's sum
 * divided by memberCount), kept by triggers on team_weeks and on teams.member_count (drizzle/0029). A
 * page walks team_board_order_idx from its cursor; a rank counts the entries above the page.
 */
export const teamBoard = pgTable(
  'team_board',
  {
    teamId: bigint({ mode: 'number' })
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    metric: goalMetric().notNull(),
    weekStart: date({ mode: 'string' }).notNull(),
    score: numeric().notNull(),
  },
  (t) => [
    primaryKey({ name: 'team_board_pkey', columns: [t.teamId, t.metric, t.weekStart] }),
    index('team_board_order_idx').on(t.metric, t.weekStart, t.score.desc(), t.teamId.desc()),
  ],
);
