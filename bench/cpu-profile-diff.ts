/**
 * Where two CPU profiles of one process under the same load spend their time, side by side: self
 * time per second of profile, by where the code lives (a package, a file of ours, Node's internals,
 * V8's garbage collector) and by function, the largest changes first. The soak writes such a pair,
 * its first and its last minutes, with `--cpu-profiles`.
 *
 *   npx tsx bench/cpu-profile-diff.ts early.cpuprofile late.cpuprofile [rows]
 */
import { readFileSync } from 'node:fs';

interface Profile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface SelfTimes {
  /** The profile's wall time, in µs. */
  durationMicroseconds: number;
  /** Self time in µs by function (`name file:line`) and by where its code lives. */
  byFunction: Map<string, number>;
  byPlace: Map<string, number>;
}

/** Where code lives: `pkg <name>` under node_modules, our own file, `node:` internals, or V8's own entries. */
export function placeOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  if (url.startsWith('node:')) return 'node internals';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return `pkg ${pkg[1]}`;
  const own = /\/((?:src|bench|schema)\/.*)$/.exec(url);
  return own ? own[1]! : url;
}

export function selfTimes(profile: Profile): SelfTimes {
  const frames = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const byFunction = new Map<string, number>();
  const byPlace = new Map<string, number>();
  // A sample's time delta is the time since the previous sample: it is the previous sample's duration.
  for (let i = 0; i < profile.samples.length - 1; i += 1) {
    const frame = frames.get(profile.samples[i]!)!;
    const micros = profile.timeDeltas[i + 1]!;
    const file = frame.url ? `${placeOf(frame.url, '')}:${frame.lineNumber + 1}` : '';
    const fn = `${frame.functionName || '(anonymous)'} ${file}`.trim();
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + micros);
    const place = placeOf(frame.url, frame.functionName);
    byPlace.set(place, (byPlace.get(place) ?? 0) + micros);
  }
  return { durationMicroseconds: profile.endTime - profile.startTime, byFunction, byPlace };
}

export function readProfile(path: string): SelfTimes {
  return selfTimes(JSON.parse(readFileSync(path, 'utf8')) as Profile);
}

/**
 * Rows of `a` and `b` in ms of self time per second of profile, the largest change first. Idle time
 * is left out: it is whatever the busy time is not.
 */
export function compare(a: SelfTimes, b: SelfTimes, pick: (t: SelfTimes) => Map<string, number>) {
  const perSecond = (t: SelfTimes, micros: number) => micros / (t.durationMicroseconds / 1000);
  const keys = new Set([...pick(a).keys(), ...pick(b).keys()].filter((key) => !key.startsWith('(idle)')));
  return [...keys]
    .map((key) => {
      const early = perSecond(a, pick(a).get(key) ?? 0);
      const late = perSecond(b, pick(b).get(key) ?? 0);
      return { key, early, late, change: late - early };
    })
    .sort((x, y) => Math.abs(y.change) - Math.abs(x.change));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [earlyPath, latePath, rows = '25'] = process.argv.slice(2);
  if (!earlyPath || !latePath) {
    console.error('usage: npx tsx bench/cpu-profile-diff.ts early.cpuprofile late.cpuprofile [rows]');
    process.exit(2);
  }
  const early = readProfile(earlyPath);
  const late = readProfile(latePath);
  const busy = (t: SelfTimes) =>
    [...t.byPlace.entries()].reduce((sum, [place, micros]) => sum + (place === '(idle)' ? 0 : micros), 0) /
    (t.durationMicroseconds / 1000);
  const ms = (value: number) => value.toFixed(2);
  console.log(
    `Busy (all but idle), ms of CPU per second: ${ms(busy(early))} early, ${ms(busy(late))} late ` +
      `(${(((busy(late) - busy(early)) / busy(early)) * 100).toFixed(1)} %)\n`,
  );
  const table = (title: string, pick: (t: SelfTimes) => Map<string, number>) => {
    console.log(`| ${title} | early ms/s | late ms/s | change |\n|---|---|---|---|`);
    for (const row of compare(early, late, pick).slice(0, Number(rows))) {
      const key = row.key.replaceAll('|', '\\|');
      console.log(`| ${key} | ${ms(row.early)} | ${ms(row.late)} | ${row.change >= 0 ? '+' : ''}${ms(row.change)} |`);
    }
    console.log('');
  };
  table('where', (t) => t.byPlace);
  table('function', (t) => t.byFunction);
}
