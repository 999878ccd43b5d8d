/**
 * Whether a test may run that needs a system package (PostgreSQL, nginx): true when it is installed.
 * When it is not, CI fails (.ci/run sets `STACKGUIDE_REQUIRE_<TOOL>=1`, so a lane never passes by
 * not running), and a contributor's run gets one notice naming what to install.
 * @throws Error when the package is missing and the environment requires it.
 */
export function needTool(tool: { name: string; installed: boolean; variable: string; install: string }): boolean {
  if (tool.installed) return true;
  const missing = `${tool.name} is not installed (${tool.install})`;
  if (process.env[tool.variable] === '1') throw new Error(`${missing}, and ${tool.variable}=1 requires its tests to run`);
  console.warn(`${missing}: its tests are skipped here (CI sets ${tool.variable}=1 and fails instead)`);
  return false;
}
