// OpenTelemetry traces (docs/traces.md), exported over OTLP/HTTP to a receiver this file starts.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { parse } from 'graphql';
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { type App, createApp } from '../src/app';
import { ConfigError, loadConfig } from '../src/config';
import { createLogger } from '../src/observability/logger';
import { startTracing, type Tracing } from '../src/observability/tracing';
import { errorCodes, expectData, run, runUntyped } from './kit/client';
import { Leave, send, startConversation } from './kit/messaging';
import { createUsers } from './kit/seed';
import { subscribeSse } from './kit/subscribe';
import { TEST_JWT_SECRET, useTestDatabase } from './setup/db';

interface ExportedSpan {
  traceId: string;
  spanId: string;
  parentSpanId: string;
  name: string;
  kind: number;
  status: { code?: number };
  attributes: Record<string, unknown>;
  startTimeUnixNano: string;
  endTimeUnixNano: string;
}

type OtlpValue = {
  stringValue?: string;
  intValue?: string | number;
  boolValue?: boolean;
  doubleValue?: number;
  arrayValue?: { values?: OtlpValue[] };
};

function plainValue(value: OtlpValue): unknown {
  if (value.arrayValue) return (value.arrayValue.values ?? []).map(plainValue);
  if (value.intValue !== undefined) return Number(value.intValue);
  return value.stringValue ?? value.boolValue ?? value.doubleValue;
}

/** An OTLP/HTTP receiver: keeps each POST /v1/traces body as sent, and its spans with plain attributes. */
async function startReceiver() {
  const bodies: string[] = [];
  const spans: ExportedSpan[] = [];
  const services: unknown[] = [];
  const server: Server = createServer(async (request, response) => {
    let body = '';
    for await (const chunk of request) body += chunk;
    if (request.method !== 'POST' || request.url !== '/v1/traces') {
      response.writeHead(404).end();
      return;
    }
    bodies.push(body);
    for (const resourceSpans of JSON.parse(body).resourceSpans ?? []) {
      const resource = Object.fromEntries(
        (resourceSpans.resource?.attributes ?? []).map((a: any) => [a.key, plainValue(a.value)]),
      );
      services.push(resource['service.name']);
      for (const scope of resourceSpans.scopeSpans ?? []) {
        for (const span of scope.spans ?? []) {
          spans.push({
            ...span,
            parentSpanId: span.parentSpanId ?? '',
            status: span.status ?? {},
            attributes: Object.fromEntries((span.attributes ?? []).map((a: any) => [a.key, plainValue(a.value)])),
          });
        }
      }
    }
    response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return { url, bodies, spans, services, close: () => new Promise((resolve) => server.close(resolve)) };
}

const db = useTestDatabase({ leaderboards: { schedule: false } });
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let tracing: Tracing;
let traced: { app: App; config: ReturnType<typeof loadConfig> };

beforeAll(async () => {
  receiver = await startReceiver();
  const config = loadConfig({
    DATABASE_URL: db.url,
    JWT_SECRET: TEST_JWT_SECRET,
    NODE_ENV: 'test',
    OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
    OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
  });
  tracing = (await startTracing(config))!;
  const app = createApp({
    sql: db.sql,
    config,
    tracing,
    logger: createLogger('silent'),
    leaderboards: { schedule: false },
  });
  traced = { app, config };
});
afterAll(async () => {
  await traced?.app.close();
  await receiver?.close();
});

/** Everything sent so far, once the exporter has sent what it holds. */
async function exported(): Promise<ExportedSpan[]> {
  await tracing.flush();
  return receiver.spans;
}

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const PARENT_SPAN_ID = '00f067aa0ba902b7';

const PROFILE = `query TraceProfile($username: String!) {
  userByUsername(username: $username) { username followerCount workouts(first: 5) { edges { node { title } } } }
}`;

describe('OpenTelemetry traces', () => {
  it("continues the caller's trace: an operation span with a child span per named statement", async () => {
    const [alice] = await createUsers(db.sql, 1);
    const result = await runUntyped(
      traced,
      PROFILE,
      { username: alice!.username },
      { headers: { traceparent: `00-${TRACE_ID}-${PARENT_SPAN_ID}-01` } },
    );
    expect(result.errors).toBeUndefined();
    expect(result.statements.length).toBeGreaterThan(0);

    const spans = await exported();
    const operation = spans.find((span) => span.name === 'query TraceProfile');
    expect(operation).toMatchObject({
      traceId: TRACE_ID,
      parentSpanId: PARENT_SPAN_ID,
      kind: 2, // SERVER
      attributes: {
        'graphql.operation.name': 'TraceProfile',
        'graphql.operation.type': 'query',
        'spotter.outcome': 'ok',
        'http.response.status_code': 200,
        'spotter.statements': result.statements.length,
      },
    });
    const statements = spans.filter((span) => span.parentSpanId === operation!.spanId);
    expect(statements.map((span) => span.name).sort()).toEqual([...result.statements].sort());
    for (const span of statements) {
      expect(span).toMatchObject({
        traceId: TRACE_ID,
        kind: 3, // CLIENT
        attributes: { 'db.system.name': 'postgresql', 'db.query.summary': span.name },
      });
      expect(span.attributes['db.response.returned_rows']).toEqual(expect.any(Number));
      expect(BigInt(span.endTimeUnixNano)).toBeGreaterThanOrEqual(BigInt(span.startTimeUnixNano));
    }
    // The profile's row: one user by that username.
    const byUsername = statements.find(
      (span) => /user/i.test(span.name) && span.attributes['db.response.returned_rows'] === 1,
    );
    expect(byUsername, JSON.stringify(statements.map((s) => [s.name, s.attributes]))).toBeDefined();
    expect(receiver.services).toContain('spotter');
  });

  it('marks a failing operation with its outcome and extensions.code', async () => {
    const result = await runUntyped(traced, 'query TraceBadPage { users(first: 1000) { edges { cursor } } }');
    const [code] = errorCodes(result);
    expect(code).toBeDefined();
    const operation = (await exported()).find((span) => span.name === 'query TraceBadPage');
    expect(operation).toMatchObject({
      status: { code: 2 }, // ERROR
      attributes: { 'spotter.outcome': 'error', 'spotter.error_codes': [code], 'error.type': code },
    });
    // No traceparent: a trace of its own.
    expect(operation!.parentSpanId).toBe('');
  });

  it('never exports a parameter value, a statement text or a variable', async () => {
    const [alice] = await createUsers(db.sql, 1);
    const secret = `secret-${Math.random().toString(36).slice(2)}`;
    await runUntyped(traced, PROFILE, { username: secret });
    await runUntyped(
      traced,
      'mutation TraceProfileEdit($name: String!) { updateProfile(input: { displayName: $name }) { errors { code } } }',
      { name: secret },
      { as: alice!.id },
    );
    const spans = await exported();
    expect(spans.some((span) => span.name === 'mutation TraceProfileEdit')).toBe(true);
    const payload = receiver.bodies.join('\n');
    expect(payload).not.toContain(secret);
    expect(payload).not.toMatch(/\bselect\b|\bwhere\b|\$1/i);
  });

  it('traces each subscription delivery under the subscription, with what it delivered', async () => {
    const [alice, bob] = await createUsers(db.sql, 2);
    const target = { ...db, ...traced };
    const chat = await startConversation(target, alice!, [bob!]);
    const document = parse(
      'subscription TraceMessages($id: ID!) { messageAdded(conversationId: $id) { sequenceNumber } }',
    ) as TypedDocumentNode<unknown, { id: string }>;
    const stream = await subscribeSse(traced, document, { id: chat.id }, { as: alice!.id });
    await send(target, bob!, chat.id, 'first');
    await send(target, bob!, chat.id, 'second');
    await stream.take(2);
    expectData(await run(target, Leave, { input: { conversationId: chat.id } }, { as: alice!.id }));
    await stream.ended();

    const spans = await exported();
    const subscription = spans.find((span) => span.name === 'subscription TraceMessages')!;
    expect(subscription).toBeDefined();
    await vi.waitFor(async () => {
      const deliveries = (await exported()).filter(
        (span) => span.name === 'subscription.deliver' && span.parentSpanId === subscription.spanId,
      );
      const delivered = deliveries.reduce(
        (sum, span) => sum + Number(span.attributes['spotter.subscription.delivered']),
        0,
      );
      expect(delivered).toBe(2);
      for (const span of deliveries) {
        expect(span).toMatchObject({
          traceId: subscription.traceId,
          attributes: { 'spotter.subscription': 'messageAdded' },
        });
      }
      // The reads a delivery sends are its children.
      const ids = new Set(deliveries.map((span) => span.spanId));
      const reads = (await exported()).filter((span) => ids.has(span.parentSpanId));
      expect(reads.some((span) => span.attributes['db.system.name'] === 'postgresql')).toBe(true);
    });
  });

  it('traces a WebSocket operation from its start to its result, in a trace of its own', async () => {
    const port = await traced.app.listen(0);
    const client = createClient({ url: `ws://127.0.0.1:${port}/graphql`, webSocketImpl: WebSocket, retryAttempts: 0 });
    try {
      for (const query of [
        'query TraceWs { users(first: 2) { edges { cursor } } }',
        'query TraceWsBad { users(first: 1000) { edges { cursor } } }',
      ]) {
        await new Promise<void>((resolve, reject) => {
          client.subscribe({ query }, { next: () => undefined, error: reject, complete: resolve });
        }).catch(() => undefined);
      }
    } finally {
      await client.dispose();
    }
    const spans = await exported();
    const ok = spans.find((span) => span.name === 'query TraceWs');
    expect(ok).toMatchObject({
      parentSpanId: '',
      attributes: { 'spotter.transport': 'websocket', 'spotter.outcome': 'ok' },
    });
    expect(spans.some((span) => span.parentSpanId === ok!.spanId && span.attributes['db.system.name'])).toBe(true);
    const bad = spans.find((span) => span.name === 'query TraceWsBad');
    expect(bad).toMatchObject({ status: { code: 2 }, attributes: { 'spotter.outcome': 'error' } });
    expect(bad!.attributes['spotter.error_codes']).toEqual([expect.any(String)]);
  });

  it("traces the boards' roll-over with its statements, and a fold that moved deltas", async () => {
    await traced.app.services.leaderboards.rollOver();
    const spans = await exported();
    const rollover = spans.findLast((span) => span.name === 'boards.rollover');
    expect(rollover?.attributes['spotter.boards.snapshot']).toEqual(expect.stringMatching(/^(taken|fresh|busy)$/));
    const statements = spans.filter((span) => span.parentSpanId === rollover!.spanId).map((span) => span.name);
    expect(statements).toEqual(expect.arrayContaining(['boards:keepWeeks', 'boards:tryLock']));
  });
});

const [, ...startArgs] = (
  JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: { start: string } }
).scripts.start.split(' ');

/**
 * `npm start` with a preload that writes down every @opentelemetry module the process resolves; serves
 * one query, then stops. Returns those modules.
 */
async function openTelemetryModulesOfAServer(env: Record<string, string>): Promise<string[]> {
  const dir = await mkdtemp(join(tmpdir(), 'spotter-otel-'));
  const log = join(dir, 'modules.txt');
  const args = [...startArgs];
  args.splice(args.indexOf('tsx') + 1, 0, '--import', './test/fixtures/record-otel-modules.ts');
  const child = spawn(process.execPath, args, {
    env: {
      ...process.env,
      DATABASE_URL: db.url,
      JWT_SECRET: TEST_JWT_SECRET,
      PORT: '0',
      LOG_LEVEL: 'silent',
      SPOTTER_OTEL_MODULES_LOG: log,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    const address = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk) => {
        stdout += chunk;
        const found = /(http:\/\/localhost:\d+\/graphql)/.exec(stdout)?.[1];
        if (found) resolve(found);
      });
      child.once('exit', () => reject(new Error(`the server ended: ${stdout}${stderr}`)));
    });
    const response = await fetch(address, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(response.status).toBe(200);
    child.kill('SIGTERM');
    await once(child, 'exit');
    return (await readFile(log, 'utf8').catch(() => '')).split('\n').filter(Boolean);
  } finally {
    child.kill('SIGKILL');
    await rm(dir, { recursive: true, force: true });
  }
}

describe('OpenTelemetry settings', () => {
  it('sends to the endpoint /v1/traces, or to the traces endpoint as given, in protobuf unless told', () => {
    expect(loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/' }).tracing).toMatchObject({
      url: 'http://collector:4318/v1/traces',
      protocol: 'http/protobuf',
      sampler: 'parentbased_always_on',
      samplerRatio: 1,
    });
    const own = loadConfig({
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318',
      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'https://traces.example/otlp',
      OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: 'http/json',
      OTEL_TRACES_SAMPLER: 'parentbased_traceidratio',
      OTEL_TRACES_SAMPLER_ARG: '0.1',
    }).tracing;
    expect(own).toMatchObject({ url: 'https://traces.example/otlp', protocol: 'http/json', samplerRatio: 0.1 });
  });

  it.each([
    [{ OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' }, /^OTEL_EXPORTER_OTLP_PROTOCOL must be http\/protobuf or http\/json/],
    [{ OTEL_TRACES_SAMPLER: 'sometimes' }, /^OTEL_TRACES_SAMPLER must be one of/],
    [{ OTEL_TRACES_SAMPLER_ARG: '2' }, /^OTEL_TRACES_SAMPLER_ARG must be a number from 0 to 1/],
  ])('refuses %j at start-up with one line', (env, says) => {
    const load = () => loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', ...env });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(says);
  });

  it('refuses an endpoint that is not an http(s) URL', () => {
    expect(() => loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4317' })).toThrow(
      /^OTEL_EXPORTER_OTLP_ENDPOINT must be an http:\/\/ or https:\/\/ URL/,
    );
  });
});

describe('OpenTelemetry off (no OTEL_EXPORTER_OTLP_ENDPOINT)', () => {
  it('has no tracing in the config', () => {
    expect(loadConfig({}).tracing).toBeNull();
    expect(
      loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_SDK_DISABLED: 'true' }).tracing,
    ).toBeNull();
  });

  it('never loads the SDK in the server process, and exports nothing', async () => {
    const before = receiver.bodies.length;
    await tracing.flush();
    const sentByTestApp = receiver.bodies.length;
    // The API alone is always there: prom-client depends on it. It records nothing without an SDK.
    const sdk = (await openTelemetryModulesOfAServer({})).filter((url) => !url.includes('/@opentelemetry/api/'));
    expect(sdk).toEqual([]);
    // The receiver only heard from this file's traced app.
    expect(sentByTestApp).toBeGreaterThanOrEqual(before);
    expect(receiver.bodies.length).toBe(sentByTestApp);
  });

  it('loads it when the endpoint is set (the probe above sees the SDK when there is one)', async () => {
    const modules = await openTelemetryModulesOfAServer({
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      OTEL_SERVICE_NAME: 'spotter-probe',
    });
    expect(modules.some((url) => url.includes('@opentelemetry/sdk-trace'))).toBe(true);
    // Flushed on SIGTERM: the query's span reached the receiver, under the service name given.
    expect(receiver.services).toContain('spotter-probe');
  });
});
