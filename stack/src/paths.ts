import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Root of the monorepo (two levels above this file). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CMS_DIR = path.join(REPO_ROOT, 'cms');
export const BIN_DIR = path.join(REPO_ROOT, 'node_modules', '.bin');
