import { parseArgs } from 'node:util';
import { seedAtScale } from '../seed/scale';
import { scaleSteps } from '../seed/steps';
import { withDatabase } from './with-database';

const { values } = parseArgs({ options: { users: { type: 'string', default: '1000' } } });
const users = Number(values.users);
if (!Number.isInteger(users) || users < 1) {
  console.error('Usage: npm run seed -- --users N   (N >= 1)');
  process.exit(2);
}

const started = Date.now();
await withDatabase((sql) => seedAtScale(sql, { users }, scaleSteps));
console.error(`Seeded ${users.toLocaleString('en')} users in ${((Date.now() - started) / 1000).toFixed(1)}s`);
