import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { type ExecutionResult, print } from 'graphql';
import type { App } from '../../src/app';
import { signToken } from '../../src/auth/tokens';
import type { Config } from '../../src/config';

/** A subscription over Server-Sent Events through yoga.fetch: results in arrival order. */
export interface SseSubscription<T> {
  status: number;
  /** The next `count` results; fails after `timeoutMs` without them. */
  take(count: number, timeoutMs?: number): Promise<ExecutionResult<T>[]>;
  /** Resolves when the server completes the stream; fails after `timeoutMs`. */
  ended(timeoutMs?: number): Promise<void>;
  cancel(): Promise<void>;
}

/** Subscribes with a typed document from test/gql: its variables and events are typed. */
export async function subscribeSse<T, V extends Record<string, unknown>>(
  target: { app: App; config: Config },
  document: TypedDocumentNode<T, V>,
  variables: V,
  options: { as?: number; authorization?: string } = {},
): Promise<SseSubscription<T>> {
  const query = print(document);
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'text/event-stream' };
  if (options.as !== undefined)
    headers.authorization = `Bearer ${await signToken(options.as, target.config.jwtSecret)}`;
  if (options.authorization) headers.authorization = options.authorization;
  const response = await target.app.yoga.fetch('http://spotter.test/graphql', {
    method: 'POST',
    headers,
    body: JSON.stringify({ query, variables }),
  });
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const results: ExecutionResult<T>[] = [];
  let complete = false;
  let wake: (() => void) | null = null;
  const notify = () => {
    wake?.();
    wake = null;
  };

  void (async () => {
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (\w+)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (event === 'next' && data) results.push(JSON.parse(data));
          if (event === 'complete') complete = true;
          end = buffer.indexOf('\n\n');
        }
        notify();
      }
    } catch {
      // cancelled
    }
    complete = true;
    notify();
  })();

  const until = async (condition: () => boolean, timeoutMs: number, what: string) => {
    const deadline = Date.now() + timeoutMs;
    while (!condition()) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`Timed out waiting for ${what} (have ${results.length} results)`);
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, Math.min(left, 100));
      });
    }
  };

  let taken = 0;
  return {
    status: response.status,
    async take(count, timeoutMs = 10_000) {
      await until(() => results.length >= taken + count || complete, timeoutMs, `${count} results`);
      if (results.length < taken + count) throw new Error(`Stream ended after ${results.length} results`);
      const batch = results.slice(taken, taken + count);
      taken += count;
      return batch;
    },
    async ended(timeoutMs = 10_000) {
      await until(() => complete, timeoutMs, 'the end of the stream');
    },
    async cancel() {
      await reader.cancel().catch(() => undefined);
    },
  };
}
