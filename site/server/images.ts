import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Block, BlockImage } from '@stackguide/contracts/blocks';
import sharp, { type OutputInfo } from 'sharp';
import { SiteError } from '../src/errors.ts';
import type { Article, FetchedArticle } from '../src/strapi/schemas.ts';

/** Where a build serves prepared images from; the static server caches this directory for a year. */
export const IMAGE_URL_DIR = '/_astro/';

/** Fetching or converting an image failed; names the image's URL. */
export class ImageError extends SiteError {
  override name = 'ImageError';
  constructor(
    readonly url: string,
    detail: string,
  ) {
    super(`Image ${url} could not be prepared: ${detail}. Check that the CMS serves it (STRAPI_URL).`);
  }
}

type Prepared = { file: string; width: number; height: number };

const sha1 = (data: string | Buffer) => createHash('sha1').update(data).digest('hex');

/**
 * Prepares the CMS's images for builds: each is fetched once, converted to webp at the size the
 * CMS stored (or its own), and kept under `dir` as `<name>.<content hash>.webp`. A source already
 * prepared (same URL and size) is not fetched again, in this or a later process.
 */
export class ImageStore {
  readonly #inFlight = new Map<string, Promise<Prepared>>();

  constructor(readonly dir: string) {}

  /** The article with its cover and body images pointing at prepared files (`/_astro/…webp`). */
  async localize(article: FetchedArticle): Promise<FetchedArticle> {
    const cover = article.cover ? await this.#image(article.cover) : null;
    const hasBodyImages = article.body.some((b) => b.type === 'image');
    const body = hasBodyImages ? await Promise.all(article.body.map((b) => this.#block(b))) : article.body;
    return cover === article.cover && body === article.body ? article : { ...article, cover, body };
  }

  /** Files (names inside `dir`) the article's images use. */
  static files(article: Article): string[] {
    const urls = [article.cover?.url, ...article.body.images];
    return urls.filter((url): url is string => url?.startsWith(IMAGE_URL_DIR) === true).map((url) => url.slice(IMAGE_URL_DIR.length));
  }

  async #block(block: Block): Promise<Block> {
    return block.type === 'image' ? { ...block, image: await this.#image(block.image) } : block;
  }

  async #image(image: BlockImage): Promise<BlockImage> {
    if (image.url.startsWith(IMAGE_URL_DIR)) return image;
    const key = sha1(`${image.url}|${image.width ?? ''}|${image.height ?? ''}`);
    let prepared = this.#inFlight.get(key);
    if (!prepared) {
      prepared = this.#prepare(key, image);
      this.#inFlight.set(key, prepared);
      prepared.catch(() => this.#inFlight.delete(key));
    }
    const { file, width, height } = await prepared;
    return { ...image, url: `${IMAGE_URL_DIR}${file}`, width, height };
  }

  async #prepare(key: string, image: BlockImage): Promise<Prepared> {
    const record = path.join(this.dir, 'sources', `${key}.json`);
    const known = await fs.readFile(record, 'utf8').then(
      (text) => JSON.parse(text) as Prepared,
      () => null,
    );
    if (
      known &&
      (await fs.access(path.join(this.dir, known.file)).then(
        () => true,
        () => false,
      ))
    )
      return known;

    const source = await download(image.url);
    let output: { data: Buffer; info: OutputInfo };
    try {
      const pipeline = sharp(source);
      if (image.width && image.height) pipeline.resize(image.width, image.height, { fit: 'fill' });
      output = await pipeline.webp().toBuffer({ resolveWithObject: true });
    } catch (err) {
      throw new ImageError(image.url, err instanceof Error ? err.message : String(err));
    }
    const base = path.basename(new URL(image.url).pathname, path.extname(new URL(image.url).pathname)).replace(/[^\w-]/g, '_') || 'image';
    const prepared = { file: `${base}.${sha1(output.data).slice(0, 10)}.webp`, width: output.info.width, height: output.info.height };
    await writeAtomically(path.join(this.dir, prepared.file), output.data);
    await writeAtomically(record, JSON.stringify(prepared));
    return prepared;
  }
}

async function download(url: string): Promise<Buffer> {
  let res: Response;
  try {
    res = await fetch(url, { signal: AbortSignal.timeout(30_000) });
  } catch (err) {
    throw new ImageError(
      url,
      err instanceof Error ? `${err.message}${err.cause instanceof Error ? ` (${err.cause.message})` : ''}` : String(err),
    );
  }
  if (!res.ok) {
    await res.body?.cancel();
    throw new ImageError(url, `HTTP ${res.status}`);
  }
  return Buffer.from(await res.arrayBuffer());
}

/** Another process may prepare the same image at the same time: write aside, then rename over. */
async function writeAtomically(file: string, data: string | Buffer): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  await fs.writeFile(tmp, data);
  await fs.rename(tmp, file);
}
