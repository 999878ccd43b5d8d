// The launchers `npm start` uses, for the test kit and the benches to start the same real parts the same way.
export { type Child, killAll, spawnChild, stopAll, untilReady } from './child.ts';
export { ensureCmsBuild } from './cms-build.ts';
export { describeExit, type ExitStatus, killedBySignal } from './exit-status.ts';
export { defaultMeiliIndexing, type MeiliIndexing, type MeiliProcess, MeiliUnavailableError, startMeili } from './meili-process.ts';
export { freePort, portInUse } from './ports.ts';
export { startStrapi, type StrapiProcess } from './strapi-process.ts';
export { resolveBin, spawnBin } from './workspace-bin.ts';
export { commandLine, descendants, running } from './process-tree.ts';
