import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger };

/** Lines reach stdout within this long, even when traffic is too light to fill the buffer. */
const FLUSH_INTERVAL_MS = 1_000;

/**
 * stdout, written in batches of about 4 KB instead of one write(2) per line: a request's log line
 * cost more than its metrics when every line was a synchronous write to a pipe. pino flushes what is
 * buffered when the process exits.
 */
function bufferedStdout(): DestinationStream {
  const stream = pino.destination({ dest: 1, sync: false, minLength: 4_096 });
  setInterval(() => stream.flush(), FLUSH_INTERVAL_MS).unref();
  return stream;
}

/**
 * JSON lines on stdout (or `destination`), ISO timestamps, no pid/hostname: the platform that
 * collects the lines knows where they came from.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    { level, base: undefined, timestamp: pino.stdTimeFunctions.isoTime },
    destination ?? (level === 'silent' ? undefined : bufferedStdout()),
  );
}
