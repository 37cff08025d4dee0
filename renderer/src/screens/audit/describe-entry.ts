/**
 * An audit entry in words: entries are stored language-neutral (a `kind` and its `detail` fields), and each kind has
 * one sentence per language in the catalogue (`audit.kind.<kind>`, ICU arguments named after the detail's fields).
 * Dates go through the institution's formats, booleans and modes become words inside the sentence (ICU select).
 * A kind this version does not know (a newer terminal wrote it) shows as the kind and its fields, "name: value".
 */
import type { AuditEntryView } from '../../../../shared/audit-views';
import { MESSAGES } from '../../../../shared/i18n/catalogues';
import type { MessageKey, MessageValues, Translate } from '../../../../shared/i18n/translator';
import { backupSize } from '../admin/BackupPanel';
import type { Plain } from '../admin/plain';

type Detail = AuditEntryView['detail'];

/** Detail fields that hold a moment (epoch milliseconds). */
const DATE_FIELDS = new Set(['until', 'expiresAt', 'oneTimePasswordUntil', 'wasLockedUntil', 'expiredAt']);
/** Kinds whose `roles`, `from` and `to` are role lists ("service,admin"). */
const ROLE_KINDS = new Set(['setup.first-account', 'operators.created', 'operators.roles-changed']);

const kindKey = (kind: string): MessageKey | null => {
  const key = `audit.kind.${kind}`;
  return key in MESSAGES.en ? (key as MessageKey) : null;
};

const roles = (plain: Plain, value: unknown) =>
  String(value ?? '')
    .split(',')
    .filter(Boolean)
    .map((role) => plain.t('admin.role', { role }))
    .join(' + ');

/** A field's value as a sentence takes it: dates formatted, booleans as "true"/"false" for ICU select, null as a dash. */
function value(plain: Plain, name: string, raw: Detail[string]): string | number {
  if (raw === null || raw === undefined) return plain.t('audit.value.none');
  if (typeof raw === 'boolean') return String(raw);
  if (typeof raw === 'number' && DATE_FIELDS.has(name)) return plain.date(raw, 'dateTime');
  return raw;
}

const selector = (raw: unknown) => String(raw ?? '').replace(/-/g, '_');

/** What a kind needs besides its own fields: lists built from pieces, and defaults for fields only some entries carry. */
function extras(plain: Plain, entry: AuditEntryView): MessageValues {
  const d = entry.detail;
  switch (entry.kind) {
    case 'auth.sign-in':
      return { enrolled: String(d.enrolled === true) };
    case 'auth.sign-out':
      return { reason: String(d.reason ?? '') };
    // ICU select keys take no hyphen: "wrong-password" is matched as "wrong_password".
    case 'auth.sign-in-failed':
    case 'kiosk.quit-refused':
      return { reason: selector(d.reason) };
    case 'auth.password-changed':
      return { reason: selector(d.reason), otherSessionsEnded: Number(d.otherSessionsEnded ?? 0) };
    case 'operators.disabled':
    case 'operators.enabled':
    case 'operators.password-reset':
    case 'operators.mfa-reset':
      return { sessionsEnded: Number(d.sessionsEnded ?? 0), devicesRevoked: Number(d.devicesRevoked ?? 0) };
    // Only entries made since enrollment grace existed carry graceSignIns (null when none was given).
    case 'operators.mfa-required-changed':
      return { hasGrace: String(typeof d.graceSignIns === 'number'), graceSignIns: Number(d.graceSignIns ?? 0) };
    // Step-up and approval (issue 15): reasons and code purposes are hyphenated, ICU select keys are not.
    case 'auth.step-up-failed':
      return { reason: selector(d.reason), locked: String(d.locked === true) };
    case 'approval.refused':
      return { reason: selector(d.reason) };
    case 'mfa.sms-sent':
    case 'mfa.sms-failed':
      return { purpose: selector(d.purpose) };
    case 'settings.changed':
      return {
        changes: Object.entries(d)
          .map(([setting, change]) => plain.t('audit.setting', { setting, change: String(change ?? '') }))
          .join(plain.t('audit.separator')),
      };
    case 'settings.ticket-logo':
      return {
        removed: String(d.removed === true),
        width: Number(d.width ?? 0),
        height: Number(d.height ?? 0),
        size: backupSize(plain.t, Number(d.bytes ?? 0)),
      };
    case 'settings.mobile-ticket-url':
      return { hasUrl: String(typeof d.url === 'string' && d.url !== '') };
    case 'settings.sms-gateway':
      return { tokenChanged: String(d.tokenChanged === true), baseUrl: String(d.baseUrl ?? ''), accountSid: String(d.accountSid ?? ''), from: String(d.from ?? '') };
    case 'store.backup':
      return { size: backupSize(plain.t, Number(d.bytes ?? 0)) };
    case 'store.restored':
      return {
        sessionsEnded: Number(d.sessionsEnded ?? 0),
        hasReplaced: String(typeof d.replacedLogLastId === 'number'),
        replacedLogLastId: String(d.replacedLogLastId ?? ''),
      };
    case 'gate.scans': {
      const counts = Object.entries(d)
        .filter(([name]) => name !== 'event' && name !== 'scans')
        .map(([result, count]) => plain.t('audit.scanResult', { result, count: Number(count) }));
      return { counts: counts.join(', ') };
    }
    default:
      return {};
  }
}

/** The fields as "name: value · name: value", for a kind without a sentence (and for one whose sentence cannot be made). */
function listed(plain: Plain, entry: AuditEntryView): string {
  const fields = [...(entry.subject !== null ? ([['subject', entry.subject]] as const) : []), ...Object.entries(entry.detail)].map(([name, raw]) =>
    plain.t('audit.entry.field', {
      name,
      value: typeof raw === 'boolean' ? plain.t(raw ? 'audit.value.yes' : 'audit.value.no') : String(value(plain, name, raw)),
    }),
  );
  return fields.length ? plain.t('audit.entry.unknown', { kind: entry.kind, fields: fields.join(' · ') }) : plain.t('audit.entry.unknownBare', { kind: entry.kind });
}

/**
 * The entry as one sentence. `t` marks the whole sentence (pseudo-localisation); the pieces inside it come from
 * `plain`, unmarked, so the sentence is marked once.
 */
export function describeEntry(entry: AuditEntryView, t: Translate, plain: Plain): string {
  const key = kindKey(entry.kind);
  if (key) {
    const values: MessageValues = { subject: entry.subject ?? plain.t('audit.value.none') };
    for (const [name, raw] of Object.entries(entry.detail)) values[name] = ROLE_KINDS.has(entry.kind) && ['roles', 'from', 'to'].includes(name) ? roles(plain, raw) : value(plain, name, raw);
    Object.assign(values, extras(plain, entry));
    try {
      // An action a supervisor approved names her after its own sentence; the two are marked as one.
      if (typeof entry.detail.approvedBy === 'string') return t('audit.entry.approvedBy', { text: plain.t(key, values), login: entry.detail.approvedBy });
      return t(key, values);
    } catch {
      // A field the sentence needs is missing (an entry from an older version): the fields, as stored.
    }
  }
  return t('audit.entry.as', { text: listed(plain, entry) });
}
