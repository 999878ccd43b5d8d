// Loaded with `node --import` by `npm run typecheck` (see package.json) so that `astro check` runs on
// the site's own TypeScript 6. Its checker (@astrojs/language-server on Volar) needs TypeScript's
// JavaScript API, which TypeScript 7 does not ship; but npm hoists Volar's packages to the root,
// where `require('typescript')` finds the root's TypeScript 7. Every import of `typescript` in
// this process resolves to the one the site depends on instead.
import { createRequire, registerHooks } from 'node:module';
import { pathToFileURL } from 'node:url';

const typescript = pathToFileURL(createRequire(import.meta.url).resolve('typescript')).href;

registerHooks({
  resolve: (specifier, context, nextResolve) =>
    specifier === 'typescript' ? { url: typescript, shortCircuit: true } : nextResolve(specifier, context),
});
