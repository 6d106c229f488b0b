import type { Store } from '@flowyard/db';
import type { SecretBox } from './secrets/secret-box';
import type { ProviderSettings } from './settings/provider-settings';

/** What every service receives: the store and the sources of time and ids (injectable in tests). */
export interface ServiceDeps {
  store: Store;
  secretBox: SecretBox;
  /** OAuth provider addresses and Connect apps (SPEC §3), from the environment. */
  providers: ProviderSettings;
  now: () => Date;
  newId: () => string;
}
