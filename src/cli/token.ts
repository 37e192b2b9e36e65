import { signToken } from '../auth/tokens';
import { CommandError, withDatabase } from './with-database';

const username = process.argv[2];
if (!username) {
  console.error('Usage: npm run --silent token -- USERNAME');
  process.exit(2);
}

let token: string | null;
try {
  token = await withDatabase(
    async (sql, config) => {
      const [user] = await sql<{ id: number }[]>`/* token:user */
        select id from users where lower(username) = lower(${username})`;
      return user ? signToken(user.id, config.jwtSecret) : null;
    },
    { migrations: 'require' },
  );
} catch (error) {
  if (!(error instanceof CommandError)) throw error;
  console.error(error.message);
  process.exit(error.exitCode);
}
if (!token) {
  console.error(`No user named "${username}"`);
  process.exit(1);
}
console.log(token);
