import { readFileSync } from 'node:fs';
import { buildSchema, findBreakingChanges, type GraphQLObjectType, isObjectType, printSchema } from 'graphql';
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

describe('schema/contract.graphql (the public contract, explained in docs/api/)', () => {
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

describe('Node ids', () => {
  it('every Node resolves its id at once, as the global ID of its own id (no promise per node of a page)', () => {
    const row = { id: 42, userId: 3, exerciseId: 5, kind: 'HEAVIEST_SET' };
    const nodes = Object.values(schema.getTypeMap()).filter(
      (type): type is GraphQLObjectType => isObjectType(type) && type.getInterfaces().some((i) => i.name === 'Node'),
    );
    expect(nodes.length).toBeGreaterThan(8);
    for (const type of nodes) {
      const id = type.getFields().id!.resolve!(row, {}, {}, {} as never);
      expect(typeof id, type.name).toBe('string');
      const [typename, raw] = Buffer.from(id as string, 'base64')
        .toString()
        .split(':');
      expect(typename).toBe(type.name);
      expect(Number(raw)).toBeGreaterThan(0);
    }
  });
});
