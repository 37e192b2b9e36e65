import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createSql } from '../src/db/client';
import type { Waves } from './measure';

/**
 * The raw-SQL floor over HTTP: a bare `node:http` handler that, for each request, runs the statements
 * Spotter ran for it (captured, wave by wave as DataLoader batched them, prepared as the server runs
 * them) and answers with the bytes Spotter answered. What Spotter costs above it is GraphQL itself.
 */
interface FloorFile {
  variants: { waves: Waves; body: string }[];
}

const file = JSON.parse(readFileSync(process.env.SPOTTER_FLOOR_FILE!, 'utf8')) as FloorFile;
const sql = createSql(process.env.DATABASE_URL!);
const variants = file.variants.map((variant) => ({ waves: variant.waves, body: Buffer.from(variant.body) }));
let turn = 0;

async function replay(waves: Waves): Promise<void> {
  for (const wave of waves) {
    await Promise.all(
      wave.map((statement) =>
        sql.unsafe(
          statement.query,
          statement.parameters.map((value, i) =>
            statement.types[i] ? sql.typed(value as never, statement.types[i]!) : value,
          ) as never[],
          { prepare: true, simple: false } as never,
        ),
      ),
    );
  }
}

const server = createServer((request, response) => {
  request.resume();
  request.once('end', () => {
    const variant = variants[turn++ % variants.length]!;
    replay(variant.waves).then(
      () => {
        response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
        response.end(variant.body);
      },
      (error: unknown) => {
        response.writeHead(500);
        response.end(String(error));
      },
    );
  });
});
server.keepAliveTimeout = 60_000;
server.listen(Number(process.env.PORT ?? 0), () => {
  const address = server.address();
  console.log(`raw-SQL floor: http://localhost:${typeof address === 'object' && address ? address.port : 0}/graphql`);
});
process.on('SIGTERM', () => {
  server.close();
  void sql.end({ timeout: 1 }).finally(() => process.exit(0));
});
