/**
 * The venue's terminals as admins manage them: the list, a join code for a new one, revocation. The
 * database does what a terminal's own role may not (create roles, disable them, end connections)
 * through the functions migration 8 made; this only calls them and writes the audit entries.
 */
import { text } from '../../../shared/i18n/translator';
import QRCode from 'qrcode';
import { fail, ok, type Result } from '../../../shared/result';
import type { JoinCodeView, TerminalKind, TerminalView } from '../../../shared/venue-views';
import type { AuditLog } from '../audit/audit-log';
import type { Session } from '../auth/sessions';
import type { Sql } from '../store/sql';
import type { Vault } from '../vault/vault';
import { formatJoinCode, joinCodeHandle, joinCodeHash, newJoinCode } from './join-code';
import { withUser } from './venue-config';

interface TerminalRow {
  id: number;
  name: string;
  kind: TerminalKind;
  joined_at: number;
  joined_by: string | null;
  last_seen_at: number | null;
  revoked_at: number | null;
  revoked_by: string | null;
  this_terminal: boolean;
}

export const NOT_A_VENUE = text('coreData.venue.notAVenue');

export class Terminals {
  constructor(
    private readonly d: { sql: Sql; audit: AuditLog; vault: Vault; databaseUrl: string | null },
  ) {}

  private get venue(): boolean {
    return this.d.sql.kind === 'postgres' && this.d.databaseUrl !== null;
  }

  async list(): Promise<Result<{ terminals: TerminalView[] }>> {
    if (!this.venue) return fail('CONFLICT', NOT_A_VENUE);
    const rows = await this.d.sql.all<TerminalRow>(
      'SELECT id, name, kind, joined_at, joined_by, last_seen_at, revoked_at, revoked_by, role_name = session_user AS this_terminal FROM terminals ORDER BY revoked_at IS NOT NULL, lower(name)',
    );
    return ok({
      terminals: rows.map((r) => ({ id: r.id, name: r.name, kind: r.kind, joinedAt: r.joined_at, joinedBy: r.joined_by, lastSeenAt: r.last_seen_at, revokedAt: r.revoked_at, revokedBy: r.revoked_by, thisTerminal: r.this_terminal })),
    });
  }

  async add(by: Session, name: string, kind: TerminalKind): Promise<Result<JoinCodeView>> {
    if (!this.venue) return fail('CONFLICT', NOT_A_VENUE);
    const taken = await this.d.sql.get<{ id: number }>('SELECT id FROM terminals WHERE lower(name) = lower(?) AND revoked_at IS NULL', [name]);
    if (taken) return fail('CONFLICT', text('coreData.venue.terminalNameTaken', { name }), { field: 'name' });
    const code = newJoinCode();
    const hash = joinCodeHash(code);
    const expiresAt = await this.d.sql.transaction(async () => {
      const row = await this.d.sql.get<{ expires_at: number }>('SELECT bo_create_join_code(?, ?, ?, ?, ?, ?) AS expires_at', [joinCodeHandle(code), hash, this.d.vault.wrapForJoin(code), name, kind, by.login]);
      // Never the code: whoever reads the log must not be able to join with it.
      await this.d.audit.append({ kind: 'venue.join-code-created', actorId: by.operatorId, actorLogin: by.login, subject: name, detail: { kind, expiresAt: row!.expires_at } });
      return row!.expires_at;
    });
    const databaseAddress = withUser(this.d.databaseUrl!, null);
    const shown = formatJoinCode(code);
    // The code alone: a keyboard-wedge scanner types it into the Join code field (no newline to submit early).
    const qrSvg = await QRCode.toString(shown, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
    return ok({ code: shown, databaseAddress, expiresAt, name, kind, qrSvg });
  }

  async revoke(by: Session, terminalId: number): Promise<Result<{ terminals: TerminalView[] }>> {
    if (!this.venue) return fail('CONFLICT', NOT_A_VENUE);
    const outcome = await this.d.sql.transaction(async () => {
      const target = await this.d.sql.get<{ name: string }>('SELECT name FROM terminals WHERE id = ?', [terminalId]);
      const row = await this.d.sql.get<{ outcome: string }>('SELECT bo_revoke_terminal(?, ?) AS outcome', [terminalId, by.login]);
      if (row?.outcome === 'revoked') {
        await this.d.audit.append({ kind: 'venue.terminal-revoked', actorId: by.operatorId, actorLogin: by.login, subject: target!.name, detail: { terminalId } });
      }
      return row?.outcome ?? 'missing';
    });
    if (outcome === 'missing') return fail('NOT_FOUND', text('coreData.venue.terminalMissing'));
    if (outcome === 'self') return fail('CONFLICT', text('coreData.venue.revokeSelf'));
    if (outcome === 'already') return fail('CONFLICT', text('coreData.venue.alreadyRevoked'));
    return this.list();
  }

  /** "Still here": the list's Last seen. Errors are the caller's to ignore (a missed beat is no harm). */
  async touch(): Promise<void> {
    if (this.venue) await this.d.sql.run('SELECT bo_touch_terminal()');
  }
}

