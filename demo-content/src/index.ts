export { articles } from './articles.ts';
export { md, MarkdownBlocksError } from './markdown-blocks.ts';
export { roles } from './roles.ts';
export { type SeedSearchVocabulary, searchVocabulary } from './search-vocabulary.ts';
export { skills } from './skills.ts';
export type { SeedArticle, SeedResponsibility, SeedRole, SeedSalaryBand, SeedSkill } from './types.ts';
