/**
 * A statement's one name, wherever it is counted (`extensions.sql`, /metrics, the slow-statement log,
 * `npm run db:report`): its leading comment, `/* loader:userById *\/ select …`, or else its first words.
 */
export function statementName(query: string): string {
  const named = /^\s*\/\*\s*([\w:.-]+)\s*\*\//.exec(query);
  return named?.[1] ?? query.replace(/\s+/g, ' ').trim().slice(0, 60);
}
