import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  doublePrecision,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { messages } from './messaging';
import { users, workoutVisibility } from './users';

export const muscles = pgTable(
  'muscles',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    name: text().notNull(),
  },
  (t) => [uniqueIndex('muscles_name_key').on(t.name)],
);

export const exercises = pgTable(
  'exercises',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    name: text().notNull(),
  },
  (t) => [uniqueIndex('exercises_name_key').on(t.name)],
);

export const exerciseActivations = pgTable(
  'exercise_activations',
  {
    exerciseId: integer()
      .notNull()
      .references(() => exercises.id, { onDelete: 'cascade' }),
    muscleId: integer()
      .notNull()
      .references(() => muscles.id, { onDelete: 'cascade' }),
    activation: doublePrecision().notNull(),
  },
  (t) => [
    primaryKey({ name: 'exercise_activations_pkey', columns: [t.exerciseId, t.muscleId] }),
    check('exercise_activations_range', sql`${t.activation} > 0 and ${t.activation} <= 1`),
    index('exercise_activations_by_muscle_idx').on(t.muscleId, t.activation.desc(), t.exerciseId.desc()),
  ],
);

export const workouts = pgTable(
  'workouts',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    userId: bigint({ mode: 'number' })
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    title: text().notNull(),
    startedAt: timestamp({ withTimezone: true, precision: 6 }).notNull(),
    durationSeconds: integer().notNull(),
    totalVolumeKg: doublePrecision().notNull().default(0),
    setCount: integer().notNull().default(0),
    /** 0 for a strength session; walks, runs and rides carry one. */
    distanceMeters: doublePrecision().notNull().default(0),
    xpEarned: integer()
      .notNull()
      .generatedAlwaysAs(
        sql`(10 + 5 * set_count + floor(total_volume_kg / 100) + floor(distance_meters / 100))::integer`,
      ),
    // Kept by the tg_workout_likes__count and tg_comments__count triggers (drizzle/0018_…).
    likeCount: integer().notNull().default(0),
    commentCount: integer().notNull().default(0),
    createdAt: timestamp({ withTimezone: true, precision: 6 }).notNull().defaultNow(),
    visibility: workoutVisibility().notNull().default('EVERYONE'),
  },
  (t) => [
    index('workouts_by_user_idx').on(t.userId, t.startedAt.desc(), t.id.desc()),
    check('workouts_title_length', sql`char_length(${t.title}) between 1 and 200`),
    check('workouts_duration_range', sql`${t.durationSeconds} between 0 and 86400`),
    check('workouts_distance_range', sql`${t.distanceMeters} between 0 and 1000000`),
  ],
);

export const workoutSets = pgTable(
  'workout_sets',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    workoutId: bigint({ mode: 'number' })
      .notNull()
      .references(() => workouts.id, { onDelete: 'cascade' }),
    exerciseId: integer()
      .notNull()
      .references(() => exercises.id),
    position: integer().notNull(),
    reps: integer().notNull(),
    weightKg: doublePrecision().notNull(),
    estimatedOneRepMaxKg: doublePrecision()
      .notNull()
      .generatedAlwaysAs(sql`case when reps = 1 then weight_kg else weight_kg * (1 + reps / 30.0) end`),
  },
  (t) => [
    uniqueIndex('workout_sets_position_key').on(t.workoutId, t.position),
    check('workout_sets_reps_range', sql`${t.reps} between 1 and 1000`),
    check('workout_sets_weight_range', sql`${t.weightKg} between 0 and 1000`),
  ],
);

export const activityType = pgEnum('activity_type', [
  'WORKOUT_LOGGED',
  'LEVEL_UP',
  'FOLLOWED',
  'MESSAGE_SENT',
  'PERSONAL_RECORD',
]);
export type ActivityType = (typeof activityType.enumValues)[number];

export const activityEvents = pgTable(
  'activity_events',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    userId: bigint({ mode: 'number' })
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    type: activityType().notNull(),
    createdAt: timestamp({ withTimezone: true, precision: 6 }).notNull().defaultNow(),
    workoutId: bigint({ mode: 'number' }).references(() => workouts.id, { onDelete: 'cascade' }),
    subjectId: bigint({ mode: 'number' }).references(() => users.id, { onDelete: 'cascade' }),
    level: integer(),
    messageId: bigint({ mode: 'number' }).references(() => messages.id, { onDelete: 'cascade' }),
    /**
     * The visibility of the workout a WORKOUT_LOGGED or PERSONAL_RECORD event names, copied and kept
     * by triggers (drizzle/0025) so feeds and activity pages filter inside the index; EVERYONE for
     * events that name no workout.
     */
    visibility: workoutVisibility().notNull().default('EVERYONE'),
  },
  (t) => [
    // Every read goes through activity_events_public_idx; this one supports the user_id foreign key,
    // whose cascade must also find the private MESSAGE_SENT events the public index leaves out.
    // (user_id, type, …) went in drizzle/0021: no statement used it once the public index existed.
    index('activity_events_by_user_idx').on(t.userId, t.createdAt.desc(), t.id.desc()),
    // The feed reads only public events; type and visibility ride along so a types filter and the
    // visibility predicate stay index-only.
    index('activity_events_public_idx')
      .on(t.userId, t.createdAt.desc(), t.id.desc(), t.type, t.visibility)
      .where(sql`${t.type} <> 'MESSAGE_SENT'`),
    index('activity_events_workout_idx').on(t.workoutId).where(sql`${t.workoutId} is not null`),
    // deleteAccount's cascade deletes the FOLLOWED events that name a deleted user.
    index('activity_events_subject_idx').on(t.subjectId).where(sql`${t.subjectId} is not null`),
    check(
      'activity_events_payload',
      sql`(${t.type} <> 'WORKOUT_LOGGED' or ${t.workoutId} is not null)
        and (${t.type} <> 'FOLLOWED' or ${t.subjectId} is not null)
        and (${t.type} <> 'LEVEL_UP' or ${t.level} is not null)`,
    ),
    // Compared as text: the migrator runs in one transaction, where a value just added to the enum
    // cannot be used as an enum literal yet.
    check('activity_events_record_workout', sql`${t.type}::text <> 'PERSONAL_RECORD' or ${t.workoutId} is not null`),
  ],
);

export const recordKind = pgEnum('record_kind', ['ESTIMATED_ONE_REP_MAX', 'HEAVIEST_WEIGHT', 'BEST_SET_VOLUME']);

/**
 * The current personal record per (user, exercise, kind), kept exact by the triggers in
 * drizzle/0015_personal_records.sql in the writing transaction. No foreign keys to workouts or sets:
 * the delete trigger must still find the rows a deleted workout held to hand them back, and it
 * replaces them in the same statement.
 */
export const personalRecords = pgTable(
  'personal_records',
  {
    /** A stable tie-breaker for pages; the public id names (user, exercise, kind). */
    id: bigint({ mode: 'number' }).generatedAlwaysAsIdentity().notNull(),
    userId: bigint({ mode: 'number' })
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    exerciseId: integer()
      .notNull()
      .references(() => exercises.id, { onDelete: 'cascade' }),
    kind: recordKind().notNull(),
    valueKg: doublePrecision().notNull(),
    /** The best value in the user's workouts that started before the record's workout. */
    previousValueKg: doublePrecision(),
    setId: bigint({ mode: 'number' }).notNull(),
    workoutId: bigint({ mode: 'number' }).notNull(),
    achievedAt: timestamp({ withTimezone: true, precision: 6 }).notNull(),
    /** The latest startedAt among the user's workouts with this exercise: a newer log can update incrementally. */
    latestAt: timestamp({ withTimezone: true, precision: 6 }).notNull(),
  },
  (t) => [
    primaryKey({ name: 'personal_records_pkey', columns: [t.userId, t.exerciseId, t.kind] }),
    index('personal_records_by_user_idx').on(t.userId, t.achievedAt.desc(), t.id.desc()),
    index('personal_records_workout_idx').on(t.workoutId),
  ],
);
