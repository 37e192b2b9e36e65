import type { App } from '../../src/app';

/** One sample of the Prometheus text format: `name{label="value",…} value`. */
export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

export interface Scrape {
  status: number;
  contentType: string | null;
  samples: Sample[];
  /** HELP/TYPE lines by metric family name. */
  types: Map<string, string>;
  /** The sum of the samples named `name` whose labels include `labels`. */
  value(name: string, labels?: Record<string, string>): number;
  /** Whether any sample is named `name` (with those labels). */
  has(name: string, labels?: Record<string, string>): boolean;
}

const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;

export function parsePrometheus(text: string): { samples: Sample[]; types: Map<string, string> } {
  const samples: Sample[] = [];
  const types = new Map<string, string>();
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const type = /^# TYPE (\S+) (\S+)$/.exec(line);
    if (type) types.set(type[1]!, type[2]!);
    if (line.startsWith('#')) continue;
    const match = SAMPLE.exec(line);
    if (!match) throw new Error(`Not a Prometheus sample: ${line}`);
    const labels: Record<string, string> = {};
    for (const [, key, value] of (match[2] ?? '').matchAll(LABEL)) labels[key!] = value!.replace(/\\(.)/g, '$1');
    samples.push({ name: match[1]!, labels, value: Number(match[3]) });
  }
  return { samples, types };
}

const matches = (sample: Sample, name: string, labels: Record<string, string>) =>
  sample.name === name && Object.entries(labels).every(([key, value]) => sample.labels[key] === value);

/** GET /metrics through the real handler, parsed. */
export async function scrape(app: App): Promise<Scrape> {
  const response = await app.yoga.fetch('http://spotter.test/metrics');
  const text = await response.text();
  const { samples, types } = response.ok ? parsePrometheus(text) : { samples: [], types: new Map() };
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    samples,
    types,
    value: (name, labels = {}) =>
      samples.filter((sample) => matches(sample, name, labels)).reduce((sum, sample) => sum + sample.value, 0),
    has: (name, labels = {}) => samples.some((sample) => matches(sample, name, labels)),
  };
}
