import { chmodSync, closeSync, openSync, statSync } from 'node:fs';

/** Owner read and write only: the database holds encrypted secrets, password hashes and run records. */
export const databaseFileMode = 0o600;

/**
 * Makes the database file (created here when missing) and its `-wal` / `-shm` companions
 * readable by the owner only. SQLite creates the companions later with the database file's
 * permissions, so a database created 0600 keeps them 0600 too; files left looser by an older
 * version are tightened.
 */
export function restrictDatabaseFiles(path: string): void {
  // `a`: create when missing, never truncate; the mode applies only when the file is created.
  closeSync(openSync(path, 'a', databaseFileMode));
  for (const file of [path, `${path}-wal`, `${path}-shm`]) {
    let mode: number;
    try {
      mode = statSync(file).mode & 0o777;
    } catch {
      continue;
    }
    if ((mode & 0o077) !== 0) chmodSync(file, mode & 0o700);
  }
}
