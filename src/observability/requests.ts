import { randomUUID } from 'node:crypto';
import type { Transport } from './metrics';

/** What one HTTP request (or WebSocket operation) did: the fields of its log line. */
export interface RequestRecord {
  readonly id: string;
  readonly startedAt: number;
  readonly transport: Transport;
  operationName: string | null;
  operationType: string | null;
  viewerId: number | null;
  /** Statements sent on the request's client, and their summed durations. */
  statements: number;
  databaseMs: number;
  /** Their names in the order they were sent; collected only while `extensions.sql` will show them. */
  names: string[] | null;
  errorCodes: string[];
}

/** A client's own `x-request-id` is kept when it is a plain token, so its logs and ours line up. */
const CLIENT_REQUEST_ID = /^[\w.:-]{1,128}$/;

export function newRequestRecord(transport: Transport, clientId?: string | null): RequestRecord {
  return {
    id: clientId && CLIENT_REQUEST_ID.test(clientId) ? clientId : randomUUID(),
    startedAt: performance.now(),
    transport,
    operationName: null,
    operationType: null,
    viewerId: null,
    statements: 0,
    databaseMs: 0,
    names: null,
    errorCodes: [],
  };
}
