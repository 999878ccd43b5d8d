/**
 * Reports seeding progress: an updating line on a terminal, one line per step otherwise (logs, CI).
 */
export function progress(label: string, total: number): (detail: string) => void {
  let done = 0;
  const tty = Boolean(process.stdout.isTTY);
  return (detail) => {
    done += 1;
    const line = `seed: ${label} ${done}/${total} ${detail}`;
    if (tty) {
      process.stdout.write(`\r\x1b[2K${line}`);
      if (done === total) process.stdout.write('\n');
    } else {
      process.stdout.write(`${line}\n`);
    }
  };
}
