// Loaded with `--import` before the entry module (see package.json's scripts): the entry's static
// imports are all linked before any of its code runs, so a check inside it would come too late.
import { unsupportedNode } from './node-support';

const problem = unsupportedNode(process.versions.node);
if (problem) {
  console.error(problem);
  process.exit(1);
}
