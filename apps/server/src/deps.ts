import type { FlowyardDb } from '@flowyard/db';
import type { SecretBox } from './secrets/secret-box';
import type { ProviderSettings } from './settings/provider-settings';

/** What every service receives: the database and the sources of time and ids (injectable in tests). */
export interface ServiceDeps {
  db: FlowyardDb;
  secretBox: SecretBox;
  /** OAuth provider addresses and Connect apps (SPEC §3), from the environment. */
  providers: ProviderSettings;
  now: () => Date;
  newId: () => string;
}
