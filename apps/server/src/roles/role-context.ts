import type { AppServices, AppStorage } from '../compose';
import type { ServerConfig } from '../config';

/** What every role starts from: the settings, the opened storage and the wired services. */
export interface RoleContext {
  config: ServerConfig;
  storage: AppStorage;
  services: AppServices;
}

/** A role that is running: `stop` winds it down (SIGTERM), leaving the storage open for the caller to close. */
export interface StartedRole {
  stop(): Promise<void>;
}
