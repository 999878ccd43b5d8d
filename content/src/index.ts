export { blocksText } from './blocks-text.ts';
export { type BodyLink, bodyLinks } from './body-links.ts';
export { collectHeadings, type Heading, slugify } from './headings.ts';
export { readingMinutes } from './reading-time.ts';
