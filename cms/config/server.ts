import fs from 'node:fs';
import path from 'node:path';
import { parseConfig } from '@stackguide/contracts/parse-config';

// Relative paths are resolved from the repository root (one level above cms/), as database.ts does.
const repoRoot = path.resolve(process.cwd(), '..');

export default () => {
  // APP_KEYS is optional here: `strapi build` loads this file without secrets; Strapi refuses to start without them.
  const c = parseConfig(
    { STRAPI_HOST: 'required', STRAPI_PORT: 'required', APP_KEYS: 'optional', STRAPI_PUBLIC_DIR: 'required' },
    process.env,
  );
  const publicDir = path.resolve(repoRoot, c.STRAPI_PUBLIC_DIR);
  // Strapi's local upload provider refuses to start unless public/uploads exists.
  fs.mkdirSync(path.join(publicDir, 'uploads'), { recursive: true });
  return { host: c.STRAPI_HOST, port: c.STRAPI_PORT, app: { keys: c.APP_KEYS?.split(',') ?? [] }, dirs: { public: publicDir } };
};
