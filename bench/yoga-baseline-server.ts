import { createServer } from 'node:http';
import { createSchema, createYoga } from 'graphql-yoga';

/**
 * What the framework costs on this machine: Yoga with Yoga's defaults and a one-field schema, no
 * database, no context, no plugins of ours. `{ ok }` through it is the least any Yoga server pays.
 */
const yoga = createYoga({
  schema: createSchema({ typeDefs: 'type Query { ok: Boolean! }', resolvers: { Query: { ok: () => true } } }),
  logging: false,
  landingPage: false,
});
const server = createServer(yoga);
server.listen(Number(process.env.PORT ?? 0), () => {
  const address = server.address();
  console.log(`bare Yoga: http://localhost:${typeof address === 'object' && address ? address.port : 0}/graphql`);
});
process.on('SIGTERM', () => {
  server.close();
  process.exit(0);
});
