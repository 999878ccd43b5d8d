// The launchers `npm start` uses, for the test kit and the benches to start the same real parts the same way.
export { spawnChild, stopAll, type Child } from './child.ts';
export { ensureCmsBuild } from './cms-build.ts';
export { defaultMeiliIndexing, startMeili, type MeiliIndexing, type MeiliProcess } from './meili-process.ts';
export { freePort } from './ports.ts';
export { startStrapi, type StrapiProcess } from './strapi-process.ts';
export { spawnBin } from './workspace-bin.ts';
