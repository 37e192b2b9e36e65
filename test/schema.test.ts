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

describe('schema/contract.graphql (the SDL of ../shared/API.md)', () => {
  it('is served without a single breaking change', () => {
    const contract = buildSchema(readFileSync('schema/contract.graphql', 'utf8'));
    expect(findBreakingChanges(contract, schema)).toEqual([]);
  });

  it('every contract field keeps its exact type, nullability included', () => {
    const contract = buildSchema(readFileSync('schema/contract.graphql', 'utf8'));
    const differences: string[] = [];
    for (const type of Object.values(contract.getTypeMap())) {
      if (type.name.startsWith('__') || !('getFields' in type)) continue;
      const served = schema.getType(type.name);
      const servedFields = served && 'getFields' in served ? served.getFields() : {};
      for (const field of Object.values(type.getFields())) {
        const actual = servedFields[field.name];
        if (!actual || String(actual.type) !== String(field.type)) {
          differences.push(`${type.name}.${field.name}: ${field.type} served as ${actual ? actual.type : 'nothing'}`);
        }
      }
    }
    expect(differences).toEqual([]);
  });
});
