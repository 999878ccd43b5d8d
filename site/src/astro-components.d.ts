// Plain `tsc` (run after `astro check`) cannot read .astro files; tests import components for the
// container API, so give those imports a type. `astro check` resolves the real components first.
declare module '*.astro' {
  const Component: import('astro/runtime/server/index.js').AstroComponentFactory;
  export default Component;
}
