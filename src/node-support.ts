/**
 * The Node.js releases Spotter runs on, as npm's `engines` range: the LTS lines CI tests (22 and 24).
 * 22.15 is the oldest 22 that its dependencies accept (@whatwg-node/*, under graphql-yoga).
 */
export const SUPPORTED_NODE = '^22.15.0 || >=24.0.0';

/** The one line start-up ends with on an unsupported Node, or null on a supported one. */
export function unsupportedNode(version: string): string | null {
  const [major = 0, minor = 0] = version.replace(/^v/, '').split(/[.-]/).map(Number);
  if ((major === 22 && minor >= 15) || major >= 24) return null;
  return `Spotter needs Node.js 22.15 or later on the 22 line, or 24 or later; this is Node.js ${version}. Install a supported release (https://nodejs.org/en/about/previous-releases) and run again.`;
}
