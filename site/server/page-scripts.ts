import fs from 'node:fs';
import path from 'node:path';

/** A script element of a built page; JSON-LD is data, not a script. */
const SCRIPT = /<script(?![^>]*application\/ld\+json)([^>]*)>([\s\S]*?)<\/script>/g;

/** The script elements of a page's HTML: the root-relative file each loads, or its inline text. */
export function scriptElements(html: string): { src: string | undefined; text: string }[] {
  return [...html.matchAll(SCRIPT)].map((m) => ({ src: /\ssrc="\/([^"]+)"/.exec(m[1]!)?.[1], text: m[2]! }));
}

/** The scripts a built page of `dist` runs, inline or loaded from a file of dist. */
export function pageScripts(dist: string, file: string): string[] {
  const read = (name: string) => fs.readFileSync(path.join(dist, name), 'utf8');
  return scriptElements(read(file)).map(({ src, text }) => (src ? read(src) : text));
}
