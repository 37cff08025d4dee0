/**
 * How an audit entry is sealed and checked. Two layers: the SHA-256 chain (each entry's hash covers
 * its content and the previous hash) shows where a row was edited or removed, and a MAC keyed from
 * the vault over the same content makes the chain impossible to recompute without the keychain.
 * Everything hashed is encoded the same on any database engine, so a log copied from SQLite to PostgreSQL
 * still verifies: integers as JSON integers, strings as JSON strings, `detail` as the exact text stored
 * (written with sorted keys), fields in a fixed order.
 */
import { DEFAULT_LOCALE, type Locale } from '../../../shared/i18n/locales';
import { translate } from '../../../shared/i18n/translator';
import crypto from 'node:crypto';
import type { AuditAnchor } from '../vault/vault';
import type { AuditRow } from './audit-repo';

export const GENESIS = '0'.repeat(64);
const MAC_VERSION = 'box-office/audit/v1';

/** Writes a detail object with its keys sorted, so the same event gives the same text everywhere. */
export function canonicalDetail(detail: Record<string, string | number | boolean | null>): string {
  const sorted: Record<string, string | number | boolean | null> = {};
  for (const key of Object.keys(detail).sort()) sorted[key] = detail[key]!;
  return JSON.stringify(sorted);
}

/** Unchanged from the first version of the log, so legacy chains still check. */
export const entryHash = (prevHash: string, row: Omit<AuditRow, 'id' | 'prev_hash' | 'hash' | 'mac'>): string =>
  crypto
    .createHash('sha256')
    .update(JSON.stringify([prevHash, row.at, row.kind, row.actor_id, row.actor_login, row.subject, row.terminal, row.detail]))
    .digest('hex');

/** The MAC's input: the id too, so an entry cannot be moved to another place in the log. */
export const macInput = (row: Omit<AuditRow, 'mac'>): string =>
  JSON.stringify([MAC_VERSION, row.id, row.at, row.kind, row.actor_id, row.actor_login, row.subject, row.terminal, row.detail, row.prev_hash, row.hash]);

export const sameMac = (a: string, b: string): boolean => a.length === b.length && crypto.timingSafeEqual(Buffer.from(a), Buffer.from(b));

export type AuditProblem = 'edited' | 'unsealed' | 'missing' | 'replaced' | 'unreadable' | 'anchor';

export interface LogCheck {
  firstBrokenId: number | null;
  problem: AuditProblem | null;
  checked: number;
  lastId: number | null;
  /** Entries whose detail cannot be read (at most 100). */
  unreadableIds: number[];
}

export const detailReadable = (text: string): boolean => {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
};

/**
 * Walks the whole log once (a page at a time when it comes from the store). An edit or a broken MAC is named first; an entry without a seal only
 * when nothing else is wrong (a tampered legacy log is named where it was tampered). The anchor is
 * checked only for what it can prove: the anchored entry is still there with the anchored MAC, so
 * other processes appending meanwhile never raise a false alarm.
 */
export async function checkRows(rows: AsyncIterable<AuditRow> | Iterable<AuditRow>, mac: (encoded: string) => string, anchor: AuditAnchor | null | 'unreadable'): Promise<LogCheck> {
  let prevHash = GENESIS;
  let checked = 0;
  let lastId: number | null = null;
  let broken: { id: number; problem: AuditProblem } | null = null;
  let firstUnsealed: number | null = null;
  let anchored: AuditRow | undefined;
  const unreadableIds: number[] = [];
  for await (const row of rows) {
    checked += 1;
    lastId = row.id;
    if (anchor && anchor !== 'unreadable' && row.id === anchor.id) anchored = row;
    if (!detailReadable(row.detail) && unreadableIds.length < 100) unreadableIds.push(row.id);
    if (!broken) {
      if (row.prev_hash !== prevHash || row.hash !== entryHash(prevHash, row)) broken = { id: row.id, problem: 'edited' };
      else if (row.mac === null) firstUnsealed ??= row.id;
      else if (!sameMac(row.mac, mac(macInput(row)))) broken = { id: row.id, problem: 'edited' };
    }
    prevHash = row.hash;
  }
  const result = (id: number | null, problem: AuditProblem | null): LogCheck => ({ firstBrokenId: id, problem, checked, lastId, unreadableIds });
  if (broken) return result(broken.id, broken.problem);
  if (firstUnsealed !== null) return result(firstUnsealed, 'unsealed');
  if (anchor === 'unreadable') return result(null, 'anchor');
  if (anchor && !anchored) return result((lastId ?? 0) + 1, 'missing');
  if (anchor && anchored && (anchored.mac === null || !sameMac(anchored.mac, anchor.mac))) return result(anchor.id, 'replaced');
  if (unreadableIds.length > 0) return result(unreadableIds[0]!, 'unreadable');
  return result(null, null);
}

/** What Verify tells a person, in her language. */
export function problemMessage(check: LogCheck, locale: Locale = DEFAULT_LOCALE): string | null {
  const id = String(check.firstBrokenId ?? '');
  switch (check.problem) {
    case null:
      return null;
    case 'edited':
      return translate(locale, 'coreData.audit.edited', { id });
    case 'unsealed':
      return translate(locale, 'coreData.audit.unsealed', { id });
    case 'missing':
      return check.lastId === null ? translate(locale, 'coreData.audit.allMissing') : translate(locale, 'coreData.audit.cut', { id: String(check.lastId) });
    case 'replaced':
      return translate(locale, 'coreData.audit.replaced', { id });
    case 'unreadable':
      return translate(locale, 'coreData.audit.unreadable', { id });
    case 'anchor':
      return translate(locale, 'coreData.audit.anchor');
  }
}
