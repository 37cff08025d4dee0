/**
 * The delivery service as a second process builds it on the same store — the test's SQLite data folder
 * (or file) or its PostgreSQL database URL — with this installation's vault (audit MACs).
 */
import fs from 'node:fs';
import { AuditLog } from '../../electron/core/audit/audit-log';
import type { Session } from '../../electron/core/auth/sessions';
import { DeliveryService } from '../../electron/core/delivery/delivery-service';
import { InstitutionSettings } from '../../electron/core/settings/institution-settings';
import { openDatabase } from '../../electron/core/store/database';
import { SqliteEngine } from '../../electron/core/store/engine/sqlite-engine';
import { openStore, type OpenedStore } from '../../electron/core/store/open-store';
import { Sql } from '../../electron/core/store/sql';
import { OperatorsRepo } from '../../electron/core/store/operators-repo';
import { OrdersRepo } from '../../electron/core/store/orders-repo';
import { SettingsRepo } from '../../electron/core/store/settings-repo';
import { systemClock } from '../../electron/core/types';
import { osKeychain } from '../../electron/core/vault/keychain';
import { Vault } from '../../electron/core/vault/vault';

/**
 * A store location as the tests pass it to a process: a `postgres://` URL, an SQLite data folder, or
 * an SQLite database file (a backup's, say).
 */
export async function openTestStore(location: string): Promise<OpenedStore> {
  if (!location.startsWith('postgres') && fs.statSync(location).isFile()) {
    const db = openDatabase(location);
    const sql = new Sql(new SqliteEngine(db));
    return { sql, kind: 'sqlite', sqlite: db, sqliteFile: location, location, connection: null, close: () => sql.engine.close() };
  }
  // The test server's URL carries its password: the keychain is asked for none.
  return openStore(location.startsWith('postgres') ? { dataDir: '', databaseUrl: location } : { dataDir: location }, osKeychain);
}

export async function workerDeliveryService(location: string, terminal: string) {
  const store = await openTestStore(location);
  const { sql } = store;
  const settingsRepo = new SettingsRepo(sql);
  const vault = await Vault.open(osKeychain(), (await settingsRepo.get<string>('installation.id'))!, true);
  const audit = new AuditLog(sql, systemClock, terminal, vault);
  const settings = new InstitutionSettings(settingsRepo);
  await settings.refresh();
  const orders = new OrdersRepo(sql);
  const service = new DeliveryService({ sql, orders, operators: new OperatorsRepo(sql), audit, settings, clock: systemClock, terminal });
  // The first account (setup), acting as an admin at this terminal.
  const session = { operatorId: 1, login: 'anna', roles: ['admin'], stage: 'active' } as Session;
  return { store, sql, orders, service, session, audit, vault, settings };
}
