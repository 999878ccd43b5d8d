import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file sits two levels below it); relative paths in the configuration resolve against it. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
