/**
 * What V8 compiled and threw away, minute by minute, from the log of a process started with
 * `--log-deopt --log-code --logfile=/tmp/v8-%p.log` (for the soak's servers:
 * `--server-node-args="--log-deopt --log-code --logfile=/tmp/v8-%p.log"`): optimized compilations
 * and their code size, deoptimizations by reason, and the functions compiled most often.
 *
 *   npx tsx bench/v8-log-summary.ts /tmp/isolate-…-v8-1234.log [rows]
 */
import { readFileSync } from 'node:fs';

export interface V8LogMinute {
  /** Minutes since the process started. */
  minute: number;
  optimized: number;
  optimizedKb: number;
  deoptimized: Record<string, number>;
}

const root = new URL('..', import.meta.url).pathname;

/** Reads `code-creation` lines of optimized code (`*` Turbofan, `+` Maglev) and `code-deopt` lines. */
export function summarizeV8Log(text: string) {
  const minutes = new Map<number, V8LogMinute>();
  const compiledBy = new Map<string, number>();
  const minuteAt = (micros: number) => {
    const minute = Math.floor(micros / 60e6);
    let row = minutes.get(minute);
    if (!row) {
      row = { minute, optimized: 0, optimizedKb: 0, deoptimized: {} };
      minutes.set(minute, row);
    }
    return row;
  };
  for (const line of text.split('\n')) {
    const fields = line.split(',');
    if (fields[0] === 'code-creation' && fields[1] === 'JS') {
      const tier = fields.at(-1);
      if (tier !== '*' && tier !== '+') continue;
      const row = minuteAt(Number(fields[3]));
      row.optimized += 1;
      row.optimizedKb += Number(fields[5]) / 1024;
      const name = fields.slice(6, -2).join(',').replaceAll('file://', '').replaceAll(root, '');
      compiledBy.set(name, (compiledBy.get(name) ?? 0) + 1);
    } else if (fields[0] === 'code-deopt') {
      const row = minuteAt(Number(fields[1]));
      const reason = fields.slice(8).join(',');
      row.deoptimized[reason] = (row.deoptimized[reason] ?? 0) + 1;
    }
  }
  return {
    minutes: [...minutes.values()].sort((a, b) => a.minute - b.minute),
    mostCompiled: [...compiledBy.entries()].sort((a, b) => b[1] - a[1]),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [path, rows = '15'] = process.argv.slice(2);
  if (!path) {
    console.error('usage: npx tsx bench/v8-log-summary.ts v8.log [rows]');
    process.exit(2);
  }
  const { minutes, mostCompiled } = summarizeV8Log(readFileSync(path, 'utf8'));
  console.log('| minute | optimized | KB | deoptimized (by reason) |\n|---|---|---|---|');
  for (const row of minutes) {
    const reasons = Object.entries(row.deoptimized)
      .sort((a, b) => b[1] - a[1])
      .map(([reason, count]) => `${count} ${reason}`)
      .join(', ');
    console.log(`| ${row.minute} | ${row.optimized} | ${row.optimizedKb.toFixed(0)} | ${reasons || '0'} |`);
  }
  console.log('\n| compilations | function |\n|---|---|');
  for (const [name, count] of mostCompiled.slice(0, Number(rows))) console.log(`| ${count} | ${name} |`);
}
