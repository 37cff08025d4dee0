/** Key/value settings stored as JSON. Services read typed settings through InstitutionSettings. */
import type { Sql } from './sql';

export class SettingsRepo {
  constructor(private readonly sql: Sql) {}

  async get<T>(key: string): Promise<T | undefined> {
    const row = await this.sql.get<{ value: string }>('SELECT value FROM settings WHERE key = ?', [key]);
    return row ? (JSON.parse(row.value) as T) : undefined;
  }

  /** Every setting whose key starts with `prefix`, in one query. */
  async withPrefix(prefix: string): Promise<Map<string, unknown>> {
    const rows = await this.sql.all<{ key: string; value: string }>('SELECT key, value FROM settings WHERE key >= ? AND key < ?', [prefix, `${prefix}\uffff`]);
    return new Map(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]));
  }

  async set(key: string, value: unknown): Promise<void> {
    await this.sql.run('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [key, JSON.stringify(value)]);
  }

  async delete(key: string): Promise<void> {
    await this.sql.run('DELETE FROM settings WHERE key = ?', [key]);
  }

  /** Writes `value` unless the key is set already, and returns what is stored: two terminals racing agree on the first. */
  async setOnce<T>(key: string, value: T): Promise<T> {
    await this.sql.run('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING', [key, JSON.stringify(value)]);
    return (await this.get<T>(key)) as T;
  }
}
