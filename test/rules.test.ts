import { describe, expect, it } from 'vitest';
import {
  currentStreakDays,
  estimatedOneRepMax,
  isoWeekStart,
  levelForXp,
  setVolume,
  workoutXp,
} from '../src/domain/rules';

describe('rules', () => {
  it('Epley: weight * (1 + reps / 30), exactly the weight for a single', () => {
    expect(estimatedOneRepMax(100, 1)).toBe(100);
    expect(estimatedOneRepMax(100, 10)).toBeCloseTo(133.333, 3);
    expect(estimatedOneRepMax(0, 12)).toBe(0);
  });

  it('volume and workout XP', () => {
    expect(setVolume({ reps: 5, weightKg: 102.5 })).toBe(512.5);
    expect(workoutXp(0, 0)).toBe(10);
    expect(workoutXp(3, 1599.9)).toBe(10 + 15 + 15);
  });

  it('level = floor(sqrt(xp / 100)) + 1', () => {
    expect([0, 99, 100, 399, 400, 900, 10_000].map(levelForXp)).toEqual([1, 1, 2, 2, 3, 4, 11]);
  });

  it('ISO weeks start on Monday 00:00 UTC', () => {
    expect(isoWeekStart(new Date('2026-11-24T10:00:00Z')).toISOString()).toBe('2026-11-23T00:00:00.000Z');
    expect(isoWeekStart(new Date('2026-11-23T00:00:00Z')).toISOString()).toBe('2026-11-23T00:00:00.000Z');
    expect(isoWeekStart(new Date('2026-11-22T23:59:59Z')).toISOString()).toBe('2026-11-16T00:00:00.000Z');
    expect(isoWeekStart(new Date('2027-01-01T12:00:00Z')).toISOString()).toBe('2026-12-28T00:00:00.000Z');
    expect(isoWeekStart(new Date('2026-03-01T23:59:59.999Z')).toISOString()).toBe('2026-02-23T00:00:00.000Z');
    expect(isoWeekStart(new Date('2026-03-02T00:00:00.000Z')).toISOString()).toBe('2026-03-02T00:00:00.000Z');
  });

  describe('currentStreakDays', () => {
    const now = new Date('2026-11-24T00:30:00Z');
    it('counts from yesterday when today has no workout yet', () => {
      const times = ['2026-11-23T23:59:00Z', '2026-11-22T00:00:00Z', '2026-11-20T12:00:00Z'].map((t) => new Date(t));
      expect(currentStreakDays(times, now)).toBe(2);
    });
    it('counts today once today has a workout', () => {
      const times = ['2026-11-24T00:01:00Z', '2026-11-23T23:59:00Z', '2026-11-23T08:00:00Z'].map((t) => new Date(t));
      expect(currentStreakDays(times, now)).toBe(2);
    });
    it('is zero when neither today nor yesterday has one', () => {
      expect(currentStreakDays([new Date('2026-11-22T10:00:00Z')], now)).toBe(0);
      expect(currentStreakDays([], now)).toBe(0);
    });
  });
});
