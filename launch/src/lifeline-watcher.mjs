// The far end of a lifeline (see lifeline.ts): a watcher that outlives its parent just long enough to
// stop the process groups the parent started. The parent writes `+<pgid>` when it starts a group and
// `-<pgid>` once the group is gone. When stdin ends, the parent is gone — the kernel closes a
// process's pipes however it ends, SIGKILL included — so every group still listed gets SIGTERM, then
// SIGKILL after a grace period.
//
// Plain JavaScript so that plain Node runs it, without tsx and its esbuild service: one of these runs
// beside every orchestrator, bench and test worker that spawns children.

const GRACE_MS = 5_000;
const groups = new Set();

// Only the parent's death ends the watcher: a Ctrl-C, a hang-up or a supervisor's SIGTERM meant for the
// parent and its session must not take the lifeline away while the parent is still stopping its parts.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => {});

let pending = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => {
  pending += chunk;
  const lines = pending.split('\n');
  pending = lines.pop() ?? '';
  for (const line of lines) {
    const pgid = Number(line.slice(1));
    // Never 0 (our own group) or 1 (kill(-1) reaches every process we may signal).
    if (!Number.isInteger(pgid) || pgid <= 1) continue;
    if (line.startsWith('+')) groups.add(pgid);
    else if (line.startsWith('-')) groups.delete(pgid);
  }
});
process.stdin.once('end', stopGroups);
process.stdin.once('error', stopGroups);

/** Sends `signal` to the group; false when no process of it is left. */
function signalGroup(pgid, signal) {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch {
    return false;
  }
}

let stopping = false;
async function stopGroups() {
  if (stopping) return;
  stopping = true;
  let left = [...groups].filter((pgid) => signalGroup(pgid, 'SIGTERM'));
  const deadline = Date.now() + GRACE_MS;
  while (left.length > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    left = left.filter((pgid) => signalGroup(pgid, 0));
  }
  for (const pgid of left) signalGroup(pgid, 'SIGKILL');
  process.exit(0);
}
