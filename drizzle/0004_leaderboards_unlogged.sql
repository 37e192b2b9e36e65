-- Leaderboards are derived data, rebuilt from users and workouts every LEADERBOARD_REFRESH_SECONDS.
--
-- Logged, each refresh would write its whole result to the WAL again (about 30 MB at 100,000 users,
-- so some 250 GB a day at the default 10 s) for rows that are thrown away ten seconds later.
-- Unlogged, they cost no WAL; after a crash PostgreSQL empties both tables, and since
-- leaderboard_refreshes empties with leaderboard_entries, the server sees "never refreshed" and
-- refreshes before it answers (src/jobs/leaderboards.ts). The price: standbys do not have them, so
-- leaderboards are read from the primary. The refresh creates each new copy of
-- leaderboard_entries unlogged too.
-- drizzle-kit cannot express UNLOGGED, hence this file. Both statements can run twice.
alter table leaderboard_entries set unlogged;
--> statement-breakpoint
alter table leaderboard_refreshes set unlogged;
--> statement-breakpoint
comment on table leaderboard_refreshes is
  'When each leaderboard kind was last computed (src/jobs/leaderboards.ts), for which week, and how long it took. Unlogged: derived data.';
--> statement-breakpoint
comment on column leaderboard_entries.rank is
  'rank() among the kind''s listed users by score, highest first: ties share a rank (1, 2, 2, 4).';
--> statement-breakpoint
comment on column leaderboard_entries.country_rank is
  'The same rank among users of the same country; null without a country.';
