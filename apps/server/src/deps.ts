import type { FlowyardDb } from '@flowyard/db';
import type { SecretBox } from './secrets/secret-box';

/** What every service receives: the database and the sources of time and ids (injectable in tests). */
export interface ServiceDeps {
  db: FlowyardDb;
  secretBox: SecretBox;
  now: () => Date;
  newId: () => string;
}
