import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { dumpSchema } from '../src/db/schema-dump';
import { useTestDatabase } from './setup/db';

// The refresher swaps leaderboard_entries for a rebuilt copy; here the schema must hold still.
const db = useTestDatabase({ leaderboards: { schedule: false } });

describe('drizzle/schema.sql', () => {
  it('is the schema a fresh migrate gives', async () => {
    const committed = await readFile(new URL('../drizzle/schema.sql', import.meta.url), 'utf8');
    expect(await dumpSchema(db.sql), 'drizzle/schema.sql is stale: run `npm run db:dump` and commit it').toBe(
      committed,
    );
  });
});
