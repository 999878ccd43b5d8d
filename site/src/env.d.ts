// What the build passes to every page render: Astro merges this into Astro.locals' type.
declare namespace App {
  interface Locals {
    model: import('./lib/site-model.ts').SiteModel;
    config: import('./lib/render-config.ts').RenderConfig;
    bodies: import('./strapi/schemas.ts').BodyReader;
  }
}
