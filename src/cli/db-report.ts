import { parseArgs } from 'node:util';
import { databaseReport, formatReport } from '../db/report';
import { withDatabase } from './with-database';

const { values } = parseArgs({
  options: { json: { type: 'boolean', default: false }, limit: { type: 'string', default: '10' } },
});
const limit = Number(values.limit);
if (!Number.isInteger(limit) || limit < 1) {
  console.error('Usage: npm run db:report [-- --json] [-- --limit N]');
  process.exit(2);
}

// Reads statistics only: no migrations, nothing written.
const report = await withDatabase((sql) => databaseReport(sql, { limit }), { migrations: 'skip' });
process.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report));
