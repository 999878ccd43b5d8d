import { defineCollection } from 'astro:content';
import { strapiLoader } from './loaders/strapi-loader.ts';
import { articleSchema, roleSchema, skillSchema } from './loaders/schemas.ts';

export const collections = {
  articles: defineCollection({ loader: strapiLoader('articles'), schema: articleSchema }),
  roles: defineCollection({ loader: strapiLoader('roles'), schema: roleSchema }),
  skills: defineCollection({ loader: strapiLoader('skills'), schema: skillSchema }),
};
