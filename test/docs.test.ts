import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const documents = execFileSync('git', ['ls-files', '*.md'], { cwd: root, encoding: 'utf8' })
  .split('\n')
  .filter((file) => file && !file.startsWith('bench/results/'));

/** Markdown link targets that are not web addresses or in-page anchors. */
function localLinks(file: string): string[] {
  const text = readFileSync(resolve(root, file), 'utf8');
  return [...text.matchAll(/\]\(([^)\s]+)\)/g)]
    .map((match) => match[1]!.split('#')[0]!)
    .filter((target) => target && !/^[a-z]+:/i.test(target));
}

describe('the documentation', () => {
  it('links only inside the repository, to files that exist', () => {
    const broken: string[] = [];
    for (const file of documents) {
      for (const target of localLinks(file)) {
        const path = resolve(root, dirname(file), target);
        if (relative(root, path).startsWith('..') || !existsSync(path)) broken.push(`${file} → ${target}`);
      }
    }
    expect(documents).toContain('README.md');
    expect(broken).toEqual([]);
  });
});
