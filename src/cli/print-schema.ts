import { writeFileSync } from 'node:fs';
import { printSchema } from 'graphql';
import { schema } from '../graphql';

export const SCHEMA_FILE = 'schema/schema.graphql';

writeFileSync(SCHEMA_FILE, `${printSchema(schema)}\n`);
console.log(`Wrote ${SCHEMA_FILE}`);
