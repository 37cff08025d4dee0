/**
 * Emergency codes: for an operator who left her phone at home, an admin issues one single-use code, valid
 * for an hour, instead of resetting all her factors. It stands in for her second factor at one sign-in with
 * her own password; it never remembers the device and never proves her for a sensitive action (someone else
 * knew it). 12 symbols of the recovery codes' alphabet (about 59 bits: with one hour, one use and the
 * shared failure counter, far beyond guessing), shown once as XXXX-XXXX-XXXX, stored as a keyed hash only.
 */
import crypto from 'node:crypto';
import type { EmergencyCodeIssued, EmergencyCodeView } from '../../../shared/emergency-views';
import { fail, ok, type Result } from '../../../shared/result';
import { text } from '../../../shared/i18n/translator';
import { can } from '../../../shared/roles';
import type { AuditLog } from '../audit/audit-log';
import type { Session } from '../auth/sessions';
import type { EmergencyRepo } from '../store/emergency-repo';
import type { OperatorsRepo } from '../store/operators-repo';
import type { Clock } from '../types';
import type { Vault } from '../vault/vault';
import type { Factors } from './factors';

export const EMERGENCY_CODE_MS = 60 * 60_000;
// No look-alikes (0/O, 1/I/L), as recovery codes: a code read out over the counter is typed right.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const SYMBOLS = 12;

export function newEmergencyCode(): string {
  let code = '';
  while (code.length < SYMBOLS) {
    const byte = crypto.randomBytes(1)[0]!;
    // Rejection sampling keeps every symbol equally likely.
    if (byte < 256 - (256 % ALPHABET.length)) code += ALPHABET[byte % ALPHABET.length];
  }
  return group(code);
}

/** What was typed, in the stored form: case, spaces and dashes do not matter; null when it cannot be a code. */
export const normalizeEmergencyCode = (typed: string): string | null => {
  const compact = typed.toUpperCase().replace(/[\s-]/g, '');
  if (compact.length !== SYMBOLS || [...compact].some((c) => !ALPHABET.includes(c))) return null;
  return group(compact);
};

const group = (compact: string) => compact.match(/.{4}/g)!.join('-');

export class EmergencyCodes {
  constructor(
    private readonly deps: { repo: EmergencyRepo; operators: OperatorsRepo; factors: Factors; vault: Vault; audit: AuditLog; clock: Clock },
  ) {}

  async issue(by: Session, operatorId: number): Promise<Result<EmergencyCodeIssued>> {
    const { repo, operators, factors, vault, audit, clock } = this.deps;
    const operator = await operators.byId(operatorId);
    if (!operator) return fail('NOT_FOUND', text('coreAccess.operators.notFoundReload'));
    // Whoever issues a code knows it: her own would be a second factor she gave herself.
    if (operatorId === by.operatorId) return fail('CONFLICT', text('emergency.core.notForSelf'));
    // As resetting factors: someone else's service account only by the service team.
    if (operator.roles.includes('service') && !can(by.roles, 'mfa.feature')) return fail('FORBIDDEN', text('emergency.core.serviceOnly'));
    if (operator.disabled) return fail('CONFLICT', text('emergency.core.disabled', { name: operator.displayName }));
    if (!(await factors.hasFactor(operatorId))) return fail('CONFLICT', text('emergency.core.noFactor', { name: operator.displayName }));
    const code = newEmergencyCode();
    const now = clock.now();
    const expiresAt = now + EMERGENCY_CODE_MS;
    // The new code, the end of her earlier one and the audit entry (never the code) commit together.
    await repo.transaction(async () => {
      const replaced = await repo.revokeUsable(operatorId, now);
      await repo.insert({ operatorId, codeHash: vault.keyedHash('emergency', code), issuedBy: by.operatorId, issuedAt: now, expiresAt });
      await audit.append({ kind: 'operators.emergency-code-issued', actorId: by.operatorId, actorLogin: by.login, subject: operator.login, detail: { expiresAt, replaced } });
    });
    return ok({ code, expiresAt });
  }

  async list(): Promise<EmergencyCodeView[]> {
    return (await this.deps.repo.usable(this.deps.clock.now())).map((r) => ({
      id: r.id,
      operatorId: r.operatorId,
      operatorLogin: r.operatorLogin,
      operatorName: r.operatorName,
      issuedBy: r.issuerLogin ?? `#${r.issuedBy}`,
      issuedAt: r.issuedAt,
      expiresAt: r.expiresAt,
    }));
  }

  async revoke(by: Session, codeId: number): Promise<Result<EmergencyCodeView[]>> {
    const { repo, operators, audit, clock } = this.deps;
    const revoked = await repo.transaction(async () => {
      const operatorId = await repo.revoke(codeId, clock.now());
      if (operatorId === undefined) return false;
      const operator = await operators.byId(operatorId);
      await audit.append({ kind: 'operators.emergency-code-revoked', actorId: by.operatorId, actorLogin: by.login, subject: operator?.login ?? `#${operatorId}` });
      return true;
    });
    if (!revoked) return fail('NOT_FOUND', text('emergency.core.codeGone'));
    return ok(await this.list());
  }

  /**
   * The sign-in step, inside its transaction: true only for the first use of her usable code (one
   * compare-and-set). Never after a one-time password: then both secrets came from an administrator, and
   * such a sign-in always asks her own factor.
   */
  async use(operatorId: number, typed: string): Promise<boolean> {
    const { repo, operators, vault, audit, clock } = this.deps;
    const normalized = normalizeEmergencyCode(typed);
    const operator = await operators.byId(operatorId);
    if (normalized === null || !operator || operator.mustChangePassword) return false;
    const used = await repo.use(operatorId, vault.keyedHash('emergency', normalized), clock.now());
    if (!used) return false;
    const issuer = await operators.byId(used.issuedBy);
    await audit.append({ kind: 'mfa.emergency-code-used', actorId: operatorId, actorLogin: operator.login, detail: { codeId: used.id, issuedBy: issuer?.login ?? `#${used.issuedBy}` } });
    return true;
  }

  /** Admin → Operators: until when her usable code works, or null. */
  usableUntil(operatorId: number): Promise<number | null> {
    return this.deps.repo.usableUntil(operatorId, this.deps.clock.now());
  }
}
