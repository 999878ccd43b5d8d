// The route list render-adapter.ts compiles into the server entry.
declare module 'virtual:stackguide/routes' {
  const routes: import('./compiled-routes.ts').CompiledRoute[];
  export default routes;
}
