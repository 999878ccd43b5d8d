/**
 * A done/total progress bar with rate and ETA on a terminal; a line every `every` items otherwise,
 * so long jobs still show they are moving in CI logs.
 */
export function progressBar(label: string, total: number, every = 500): { tick(n?: number): void; done(): void } {
  const started = Date.now();
  const tty = Boolean(process.stdout.isTTY);
  let count = 0;
  let lastLogged = 0;
  const render = () => {
    const seconds = (Date.now() - started) / 1000;
    const rate = seconds > 0 ? count / seconds : 0;
    const eta = rate > 0 ? Math.round((total - count) / rate) : 0;
    const width = 30;
    const filled = total > 0 ? Math.round((count / total) * width) : width;
    const bar = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}]`;
    return `${label} ${bar} ${count}/${total} ${rate.toFixed(0)}/s ETA ${eta}s`;
  };
  return {
    tick(n = 1) {
      count += n;
      if (tty) process.stdout.write(`\r\x1b[2K${render()}`);
      else if (count - lastLogged >= every || count === total) {
        lastLogged = count;
        process.stdout.write(`${render()}\n`);
      }
    },
    done() {
      if (tty) process.stdout.write(`\r\x1b[2K${render()}\n`);
    },
  };
}
