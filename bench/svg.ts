export interface Bar {
  label: string;
  value: number;
  /** Drawn as a tick on the bar's row; the bar is red when it is on the wrong side of it. */
  goal: number | null;
  higherIsBetter?: boolean;
}

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function format(value: number, unit: string): string {
  if (!Number.isFinite(value)) return 'no figure';
  if (unit === '/s') return `${Math.round(value).toLocaleString('en')}/s`;
  return `${value < 10 ? value.toFixed(2) : value.toFixed(1)} ${unit}`;
}

/** A horizontal bar chart as a standalone SVG: one row per bar, goals as ticks. */
export function barChart(title: string, unit: string, bars: Bar[]): string {
  const labelWidth = 300;
  const plotWidth = 420;
  const valueWidth = 90;
  const row = 22;
  const top = 34;
  const width = labelWidth + plotWidth + valueWidth;
  const height = top + bars.length * row + 10;
  const finite = bars.flatMap((b) => [b.value, b.goal ?? 0]).filter(Number.isFinite);
  const max = Math.max(...finite, 1e-9) * 1.05;
  const x = (value: number) => labelWidth + (Math.max(0, value) / max) * plotWidth;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="${width}" height="${height}" fill="#fff"/>`,
    `<text x="8" y="20" font-size="14" font-weight="bold">${escapeXml(title)}</text>`,
  ];
  bars.forEach((bar, i) => {
    const y = top + i * row;
    const missed = bar.goal != null && (bar.higherIsBetter ? bar.value < bar.goal : bar.value > bar.goal);
    const colour = bar.goal == null ? '#4a6fa5' : missed ? '#c53030' : '#2f855a';
    const value = Number.isFinite(bar.value) ? bar.value : 0;
    parts.push(
      `<text x="${labelWidth - 8}" y="${y + 15}" text-anchor="end">${escapeXml(bar.label)}</text>`,
      `<rect x="${labelWidth}" y="${y + 3}" width="${(x(value) - labelWidth).toFixed(1)}" height="${row - 6}" fill="${colour}"/>`,
      `<text x="${labelWidth + plotWidth + 6}" y="${y + 15}">${escapeXml(format(bar.value, unit))}</text>`,
    );
    if (bar.goal != null) {
      const gx = x(bar.goal).toFixed(1);
      parts.push(`<line x1="${gx}" x2="${gx}" y1="${y}" y2="${y + row}" stroke="#000" stroke-width="2"/>`);
    }
  });
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}
