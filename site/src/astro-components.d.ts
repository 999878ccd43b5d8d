// Plain `tsc` (run after `astro check`) cannot read .astro files; tests import components for the
// container API, so give those imports the type that API takes. `astro check` resolves the real
// components first.
declare module '*.astro' {
  const Component: Parameters<import('astro/container').experimental_AstroContainer['renderToString']>[0];
  export default Component;
}
