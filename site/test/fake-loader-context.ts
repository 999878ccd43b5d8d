import { createHash } from 'node:crypto';
import type { DataStore, LoaderContext } from 'astro/loaders';

type DataEntry = Parameters<DataStore['set']>[0];

export type FakeLoaderContext = LoaderContext & { entries: Map<string, DataEntry>; logs: string[] };

/**
 * The parts of Astro's LoaderContext the Strapi loader uses, backed by a Map so a test can run
 * several loads against one store, like consecutive builds sharing the content-layer cache.
 */
export function fakeLoaderContext(collection: string, entries = new Map<string, DataEntry>()): FakeLoaderContext {
  const logs: string[] = [];
  const log = (msg: string) => void logs.push(msg);
  const store = {
    get: (id: string) => entries.get(id),
    set: (entry: DataEntry) => {
      if (entries.get(entry.id)?.digest === entry.digest && entry.digest !== undefined) return false;
      entries.set(entry.id, entry);
      return true;
    },
    has: (id: string) => entries.has(id),
    delete: (id: string) => void entries.delete(id),
    clear: () => entries.clear(),
    keys: () => [...entries.keys()],
    values: () => [...entries.values()],
    entries: () => [...entries.entries()],
    addModuleImport: () => undefined,
  };
  const context = {
    collection,
    store,
    meta: new Map<string, string>(),
    logger: { info: log, warn: log, error: log, debug: log, options: {}, label: collection, fork: () => context.logger },
    config: {},
    parseData: async <T>({ data }: { data: T }) => data,
    renderMarkdown: async () => ({ html: '' }),
    generateDigest: (data: Record<string, unknown> | string) =>
      createHash('sha256').update(typeof data === 'string' ? data : JSON.stringify(data)).digest('hex').slice(0, 16),
    entries,
    logs,
  };
  return context as unknown as FakeLoaderContext;
}
