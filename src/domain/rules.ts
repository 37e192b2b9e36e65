/** The formulas of the API's rules (docs/api/training.md), free of I/O so they are tested directly. */

export const DAY_MS = 86_400_000;

/** Epley: `weightKg * (1 + reps / 30)`, and exactly `weightKg` for a single. */
export function estimatedOneRepMax(weightKg: number, reps: number): number {
  return reps === 1 ? weightKg : weightKg * (1 + reps / 30);
}

export function setVolume(set: { reps: number; weightKg: number }): number {
  return set.reps * set.weightKg;
}

/** XP of one workout: `10 + 5 * setCount + floor(totalVolumeKg / 100)`. */
export function workoutXp(setCount: number, totalVolumeKg: number): number {
  return 10 + 5 * setCount + Math.floor(totalVolumeKg / 100);
}

/** `floor(sqrt(xp / 100)) + 1`: level 2 at 100 XP, 3 at 400, 4 at 900. */
export function levelForXp(xp: number): number {
  return Math.floor(Math.sqrt(xp / 100)) + 1;
}

/** The start of the ISO week holding `at`: Monday 00:00 UTC. */
export function isoWeekStart(at: Date): Date {
  const day = Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate());
  const sinceMonday = (new Date(day).getUTCDay() + 6) % 7;
  return new Date(day - sinceMonday * DAY_MS);
}

/** The UTC calendar day of `at`, as days since the epoch. */
export function utcDay(at: Date): number {
  return Math.floor(at.getTime() / DAY_MS);
}

/**
 * Consecutive UTC days with at least one workout, counted back from today, or from yesterday when
 * today has none yet (a streak is not broken before the day is over).
 */
export function currentStreakDays(workoutTimes: readonly Date[], now: Date): number {
  const days = new Set(workoutTimes.map(utcDay));
  const today = utcDay(now);
  let day = days.has(today) ? today : today - 1;
  let streak = 0;
  while (days.has(day)) {
    streak += 1;
    day -= 1;
  }
  return streak;
}
