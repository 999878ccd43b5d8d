/** Progress lines on stderr (stdout keeps the table), prefixed with the step's name and elapsed seconds. */
export function progress(name: string): (message: string) => void {
  const start = performance.now();
  return (message) => process.stderr.write(`[${name} +${((performance.now() - start) / 1000).toFixed(1)}s] ${message}\n`);
}
