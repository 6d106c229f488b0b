import type { FlowyardDb } from '@flowyard/db';
import type { AppServices } from '../app-services';
import type { UserView } from '../users/user-view';

/** Every procedure runs with the database, the services and the user making the call. */
export interface Context {
  db: FlowyardDb;
  services: AppServices;
  user: UserView;
}
