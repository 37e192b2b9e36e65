/** A one-line progress bar on stderr; plain lines when stderr is not a terminal (CI logs). */
export function progress(label: string, total: number) {
  const started = Date.now();
  let lastPrinted = -1;
  const tty = process.stderr.isTTY;
  const draw = (done: number) => {
    const ratio = total === 0 ? 1 : Math.min(1, done / total);
    const percent = Math.floor(ratio * 100);
    if (!tty && percent < 100 && percent - lastPrinted < 25) return;
    lastPrinted = percent;
    const width = 30;
    const bar = '█'.repeat(Math.round(ratio * width)).padEnd(width, '░');
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const line = `${label.padEnd(22)} ${bar} ${String(percent).padStart(3)}% ${done.toLocaleString('en')}/${total.toLocaleString('en')} ${seconds}s`;
    process.stderr.write(tty ? `\r${line}` : `${line}\n`);
  };
  draw(0);
  return {
    tick: draw,
    done() {
      if (lastPrinted < 100) draw(total);
      if (tty) process.stderr.write('\n');
    },
  };
}

export type Progress = ReturnType<typeof progress>;
