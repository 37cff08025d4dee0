/** The delivery service as a second process builds it on the same database file, with this installation's vault (audit MACs). */
import { AuditLog } from '../../electron/core/audit/audit-log';
import type { Session } from '../../electron/core/auth/sessions';
import { DeliveryService } from '../../electron/core/delivery/delivery-service';
import { InstitutionSettings } from '../../electron/core/settings/institution-settings';
import { openDatabase } from '../../electron/core/store/database';
import { OperatorsRepo } from '../../electron/core/store/operators-repo';
import { OrdersRepo } from '../../electron/core/store/orders-repo';
import { SettingsRepo } from '../../electron/core/store/settings-repo';
import { systemClock } from '../../electron/core/types';
import { osKeychain } from '../../electron/core/vault/keychain';
import { Vault } from '../../electron/core/vault/vault';

export async function workerDeliveryService(file: string, terminal: string) {
  const db = openDatabase(file);
  const settingsRepo = new SettingsRepo(db);
  const vault = await Vault.open(osKeychain(), settingsRepo.get<string>('installation.id')!, true);
  const audit = new AuditLog(db, systemClock, terminal, vault);
  const service = new DeliveryService({
    orders: new OrdersRepo(db),
    operators: new OperatorsRepo(db),
    audit,
    settings: new InstitutionSettings(settingsRepo),
    clock: systemClock,
    terminal,
  });
  // The first account (setup), acting as an admin at this terminal.
  const session = { operatorId: 1, login: 'anna', roles: ['admin'], stage: 'active' } as Session;
  return { db, service, session, audit, vault };
}
