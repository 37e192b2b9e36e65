import { readFileSync } from 'node:fs';
import { buildSchema, findBreakingChanges, printSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../src/graphql';

describe('schema/schema.graphql', () => {
  it('matches the code (run `npm run schema:print` after changing the schema)', () => {
    expect(`${printSchema(schema)}\n`).toBe(readFileSync('schema/schema.graphql', 'utf8'));
  });

  it('breaks nothing that the committed snapshot promised', () => {
    const committed = buildSchema(readFileSync('schema/schema.graphql', 'utf8'));
    expect(findBreakingChanges(committed, schema)).toEqual([]);
  });
});
