import { defineConfig } from 'vitest/config';

export default defineConfig({
  // graphql ships ESM and CJS builds; Node (and so Yoga) loads the CJS one. Tests must use the same
  // copy, or `instanceof GraphQLError` fails across the two and expected errors turn into 500s.
  resolve: { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] },
  test: {
    root: '.',
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/setup/global.ts'],
    pool: 'forks',
    // Each file gets its own database cloned from a migrated template, so files run in parallel.
    maxWorkers: 2,
    testTimeout: 30_000,
    // The server survives this postgres.js bug (src/main.ts); the PostgreSQL-restart test meets it in
    // its own worker, where it is no failure of ours. Every other unhandled error still fails the run.
    onUnhandledError: (error) => !/reading 'write'/.test(error.message ?? '') || !/nextWrite/.test(error.stack ?? ''),
    hookTimeout: 120_000,
  },
});
