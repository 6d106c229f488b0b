import { eq } from 'drizzle-orm';
import type { SettingRow } from '../tables';
import { first, type QueryContext } from './query-context';

/** Server-wide settings, one JSON value per key. */
export function settingsRepo({ orm, t, write }: QueryContext) {
  const { settings } = t;
  return {
    get: (key: string): Promise<SettingRow | undefined> => first(orm.select().from(settings).where(eq(settings.key, key))),
    /** Stores the value under its key, replacing what was there. */
    put: (row: SettingRow): Promise<void> =>
      write((o) => [o.insert(settings).values(row).onConflictDoUpdate({ target: settings.key, set: { value: row.value, updatedAt: row.updatedAt } })]),
  };
}
