import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Block } from '@stackguide/contracts/blocks';
import { readingMinutes } from '@stackguide/content';
import type { BodyReader, BodyRef, FetchedArticle } from '../src/strapi/schemas.ts';
import { IMAGE_URL_DIR } from './images.ts';

/**
 * Article bodies on disk, one file per distinct body, named by its digest: a build holds every
 * article's metadata in memory but reads a body only to render its page, so memory does not grow
 * with the size of the bodies. One store belongs to one process (a site server's builds, or one
 * `npm run build`): `retain` deletes what its current build no longer uses.
 */
export class BodyStore implements BodyReader {
  readonly dir: string;
  /** Bodies this store holds, by key (read from disk once, then kept up to date). */
  readonly #held = new Set<string>();

  constructor(dir: string) {
    this.dir = dir;
    fs.mkdirSync(dir, { recursive: true });
    for (const sub of fs.readdirSync(dir)) {
      const subdir = path.join(dir, sub);
      if (fs.statSync(subdir).isDirectory())
        for (const file of fs.readdirSync(subdir)) if (file.endsWith('.json')) this.#held.add(file.slice(0, -5));
    }
  }

  #file(key: string): string {
    return path.join(this.dir, key.slice(0, 2), `${key}.json`);
  }

  /** The article with its body stored and replaced by a reference to it. */
  put(article: FetchedArticle): Omit<FetchedArticle, 'body'> & { body: BodyRef } {
    const ref = bodyRef(article.body);
    if (!this.#held.has(ref.key)) {
      const file = this.#file(ref.key);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, JSON.stringify(article.body));
      fs.renameSync(tmp, file);
      this.#held.add(ref.key);
    }
    return { ...article, body: ref };
  }

  read(ref: BodyRef): Block[] {
    return JSON.parse(fs.readFileSync(this.#file(ref.key), 'utf8')) as Block[];
  }

  /** Deletes every body but those `keep` names (the bodies of the build being served). */
  retain(keep: Iterable<string>): void {
    const live = new Set(keep);
    for (const key of this.#held) {
      if (live.has(key)) continue;
      fs.rmSync(this.#file(key), { force: true });
      this.#held.delete(key);
    }
  }
}

/** The reference to `body`: its digest, reading time and the prepared image files it shows. */
export function bodyRef(body: Block[]): BodyRef {
  const key = createHash('sha1').update(JSON.stringify(body)).digest('hex');
  const images = body.flatMap((b) => (b.type === 'image' && b.image.url.startsWith(IMAGE_URL_DIR) ? [b.image.url] : []));
  return { key, minutes: readingMinutes(body), images };
}

/** A reader that serves `body` for its own reference and everything else from `store` (a preview's draft: written nowhere). */
export function withBody(store: BodyReader, body: Block[]): { ref: BodyRef; reader: BodyReader } {
  const ref = bodyRef(body);
  return { ref, reader: { read: (r) => (r.key === ref.key ? body : store.read(r)) } };
}
