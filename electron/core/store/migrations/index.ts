/** The registry: every migration in order. Versions only go up; never edit a shipped one. */
import type { Migration } from './registry';
import { m001Initial } from './001-initial';
import { m002TwoFactor } from './002-two-factor';
import { m003Delivery } from './003-delivery';
import { m004OneTimePasswords } from './004-one-time-passwords';
import { m005AuditMac } from './005-audit-mac';
import { m006CleanText } from './006-clean-text';
import { m007IdempotencyKeys } from './007-idempotency-keys';
import { m008Venue } from './008-venue';
import { m009OrderWords } from './009-order-words';
import { m010Languages } from './010-languages';
import { m011SensitiveActions } from './011-sensitive-actions';
import { m012SmsPurposes } from './012-sms-purposes';
import { m013GateAdmissions } from './013-gate-admissions';
import { m014GateCountsWatermark } from './014-gate-counts-watermark';

export type { Migration } from './registry';

export const MIGRATIONS: readonly Migration[] = [m001Initial, m002TwoFactor, m003Delivery, m004OneTimePasswords, m005AuditMac, m006CleanText, m007IdempotencyKeys, m008Venue, m009OrderWords, m010Languages, m011SensitiveActions, m012SmsPurposes, m013GateAdmissions, m014GateCountsWatermark];

export const latestVersion = (migrations: readonly Migration[] = MIGRATIONS): number =>
  migrations.length === 0 ? 0 : migrations[migrations.length - 1]!.version;
