import path from 'node:path';
import { REPO_ROOT } from '@stackguide/runtime';

export { REPO_ROOT };
export const CMS_DIR = path.join(REPO_ROOT, 'cms');
export const BIN_DIR = path.join(REPO_ROOT, 'node_modules', '.bin');
