import { signToken } from '../auth/tokens';
import { withDatabase } from './with-database';

const username = process.argv[2];
if (!username) {
  console.error('Usage: npm run --silent token -- USERNAME');
  process.exit(2);
}

const token = await withDatabase(async (sql, config) => {
  const [user] = await sql<{ id: number }[]>`select id from users where lower(username) = lower(${username})`;
  return user ? signToken(user.id, config.jwtSecret) : null;
});
if (!token) {
  console.error(`No user named "${username}"`);
  process.exit(1);
}
console.log(token);
