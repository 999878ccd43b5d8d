import type { Block } from '@stackguide/contracts/blocks';
import type { Role, Skill } from '@stackguide/contracts/entries';
import type { FetchedArticle } from './schemas.ts';

/** Strapi's local upload provider answers with paths like /uploads/x.jpg; pages need full URLs. */
function absolute(url: string, strapiUrl: string): string {
  return new URL(url, `${strapiUrl}/`).href;
}

function blockWithAbsoluteMedia(block: Block, strapiUrl: string): Block {
  return block.type === 'image' ? { ...block, image: { ...block.image, url: absolute(block.image.url, strapiUrl) } } : block;
}

/** A copy of the entry whose cover and body image URLs are absolute. */
export function absolutizeMedia<T extends FetchedArticle | Role | Skill>(entry: T, strapiUrl: string): T {
  if (!('body' in entry)) return entry;
  return {
    ...entry,
    cover: entry.cover ? { ...entry.cover, url: absolute(entry.cover.url, strapiUrl) } : null,
    body: entry.body.map((b) => blockWithAbsoluteMedia(b, strapiUrl)),
  };
}
