/**
 * The append-only audit log: chained and MAC'ed (see audit-seal.ts), its head anchored in the
 * keychain (see audit-anchor.ts). Never pass a password, code, seed or token here.
 *
 * `append` takes part in the caller's transaction: a service writes its state change and the entry
 * in one `sql.transaction(async () => …)`, so neither commits without the other. However many
 * terminals append at once, the log stays one chain: each append reads the head and writes head + 1
 * while holding the log's write lock (SQLite's write transaction; on PostgreSQL an advisory lock held
 * to the end of the transaction), so the next writer reads the entry it wrote.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Sql } from '../store/sql';
import type { Clock } from '../types';
import type { AuditAnchor } from '../vault/vault';
import { AnchorWriter, type AnchorStore } from './audit-anchor';
import { AuditRepo, type AuditFilter, type AuditRow } from './audit-repo';
import { canonicalDetail, checkRows, detailReadable, entryHash, GENESIS, macInput, type LogCheck } from './audit-seal';

export type { AuditFilter } from './audit-repo';

export type AuditDetail = Record<string, string | number | boolean | null>;

export interface AuditEvent {
  kind: string;
  actorId?: number | null;
  actorLogin?: string | null;
  subject?: string | null;
  detail?: AuditDetail;
}

export interface AuditEntry extends Required<Omit<AuditEvent, 'detail'>> {
  id: number;
  at: number;
  terminal: string;
  /** Empty when the stored detail cannot be read; `rawDetail` then holds what is there. */
  detail: AuditDetail;
  unreadable: boolean;
  rawDetail: string;
  prevHash: string;
  hash: string;
}

/** What the log needs from the vault: its MAC key (used, never held) and the anchor in the keychain. */
export interface AuditKeys extends AnchorStore {
  auditMac(encoded: string): string;
}

export type SealOutcome = { sealed: number } | { refused: string } | null;

export class AuditLog {
  private readonly repo: AuditRepo;
  private readonly anchor: AnchorWriter;
  /** The supervisor who approved the call now running (see `approvedBy`). */
  private readonly approval = new AsyncLocalStorage<string>();

  constructor(
    private readonly sql: Sql,
    private readonly clock: Clock,
    private readonly terminal: string,
    private readonly keys: AuditKeys,
  ) {
    this.repo = new AuditRepo(sql);
    this.anchor = new AnchorWriter(this.repo, keys);
  }

  /** The store's unit of work (the same as `sql.transaction`), for services that hold only the log. */
  transaction<T>(work: () => Promise<T>): Promise<T> {
    return this.sql.transaction(work);
  }

  /** Joins the caller's transaction when there is one; the anchor moves once it has committed. */
  async append(event: AuditEvent): Promise<void> {
    await this.sql.transaction(async () => {
      await this.insert(event);
      this.sql.afterCommit(() => this.anchor.schedule());
    });
  }

  /**
   * Runs an action a supervisor approved (auth/approval.ts): every entry it appends — its own, and those of
   * the work it starts, such as a job's tickets — names her in `detail.approvedBy`, beside its actor. The
   * approval belongs to this call only: nothing outside `work` carries it.
   */
  approvedBy<T>(login: string | null, work: () => Promise<T>): Promise<T> {
    return login === null ? work() : this.approval.run(login, work);
  }

  /** Newest first. */
  async recent(limit = 50): Promise<AuditEntry[]> {
    return (await this.repo.recent(limit)).map(toEntry);
  }

  /** The first entry that is edited or unsealed (chain and MACs only, no keychain), or null. */
  async verify(): Promise<number | null> {
    return (await checkRows(this.repo.rows(), (m) => this.keys.auditMac(m), null)).firstBrokenId;
  }

  /** The whole check, the anchor included (after this process's own pending anchor writes). */
  async check(): Promise<LogCheck> {
    await this.anchor.flush();
    let anchor: AuditAnchor | null | 'unreadable';
    try {
      anchor = await this.keys.auditAnchor();
    } catch {
      anchor = 'unreadable';
    }
    return checkRows(this.repo.rows(), (m) => this.keys.auditMac(m), anchor);
  }

  /** Filtered entries (kind is a prefix, operator the login as actor or subject), newest first, paged. */
  async query(filter: AuditFilter, offset: number, limit: number): Promise<{ entries: AuditEntry[]; total: number }> {
    const { rows, total } = await this.repo.page(filter, offset, limit);
    return { entries: rows.map(toEntry), total };
  }

  /** Every filtered entry, oldest first, for export: read a page at a time. */
  async *all(filter: AuditFilter): AsyncGenerator<AuditEntry> {
    for await (const row of this.repo.filtered(filter)) yield toEntry(row);
  }

  /**
   * Seals a log written before entries carried a MAC, once the vault is open (core start). Its old
   * SHA-256 chain is checked first: a tampered log is refused (Verify names where), never sealed as
   * if it were sound. Refused too once this installation has anchored a log: entries without a seal
   * are then entries someone stripped.
   */
  async sealLegacy(): Promise<SealOutcome> {
    if ((await this.repo.unsealedCount()) === 0) return null;
    // The keychain before the transaction, never inside it.
    if ((await this.keys.auditAnchor()) !== null) return { refused: 'this log was sealed before; its entries without a seal were changed outside Box Office' };
    return this.sql.transaction(async () => {
      // Another terminal starting on the same venue database may have sealed it meanwhile.
      await this.repo.lockHead();
      const outcome = await this.sealUnsealed('audit.sealed');
      this.sql.afterCommit(() => this.anchor.schedule());
      return outcome;
    });
  }

  /**
   * Restore: `replace` swaps the store's content; the restored log (sealed if it predates MACs and
   * its chain is sound) gets `marker` appended, and the anchor moves to that marker, even backwards.
   */
  async replaceLog<T>(replace: () => Promise<T>, marker: (value: T, sealed: SealOutcome) => AuditEvent): Promise<T> {
    return this.anchor.hold(
      async () => {
        try {
          return await replace();
        } finally {
          // Statements prepared on the replaced file are not used on the restored one.
          this.sql.forgetStatements();
        }
      },
      (value) =>
        this.sql.transaction(async () => {
          await this.repo.lockHead();
          const sealed = (await this.repo.unsealedCount()) > 0 ? await this.sealUnsealed(null) : null;
          await this.insert(marker(value, sealed));
          const head = (await this.repo.head())!;
          return { id: head.id, mac: head.mac! };
        }),
    );
  }

  /** Resolves once pending anchor writes have ended (tests, shutdown). */
  settled(): Promise<void> {
    return this.anchor.flush();
  }

  /** Inside a transaction: the unsealed entries must be a sound chain and come before every sealed one. */
  private async sealUnsealed(markerKind: string | null): Promise<SealOutcome> {
    const unsealedCount = await this.repo.unsealedCount();
    if (unsealedCount === 0) return null;
    const { lastUnsealed, firstSealed } = await this.repo.sealBoundary();
    if (firstSealed !== null && lastUnsealed !== null && firstSealed < lastUnsealed) return { refused: 'entries without a seal follow sealed ones' };
    const chain = await checkRows(this.repo.rows(), (m) => this.keys.auditMac(m), null);
    if (chain.problem === 'edited') return { refused: `entry #${chain.firstBrokenId} does not match the chain` };
    for await (const row of this.repo.unsealed()) await this.repo.setMac(row.id, this.keys.auditMac(macInput(row)));
    if (markerKind) await this.insert({ kind: markerKind, detail: { entries: unsealedCount, lastLegacyId: lastUnsealed! } });
    return { sealed: unsealedCount };
  }

  /** Inside a transaction (append opens one): the head is read under the log's write lock. */
  private async insert(event: AuditEvent): Promise<void> {
    const approvedBy = this.approval.getStore();
    if (approvedBy !== undefined) event = { ...event, detail: { ...event.detail, approvedBy } };
    await this.repo.lockHead();
    const head = await this.repo.head();
    const prevHash = head?.hash ?? GENESIS;
    const content = {
      id: (head?.id ?? 0) + 1,
      at: this.clock.now(),
      kind: event.kind,
      actor_id: event.actorId ?? null,
      actor_login: event.actorLogin ?? null,
      subject: event.subject ?? null,
      terminal: this.terminal,
      detail: canonicalDetail(event.detail ?? {}),
      prev_hash: prevHash,
    };
    const sealed = { ...content, hash: entryHash(prevHash, content) };
    await this.repo.insert({ ...sealed, mac: this.keys.auditMac(macInput(sealed)) });
  }
}

const toEntry = (row: AuditRow): AuditEntry => {
  const unreadable = !detailReadable(row.detail);
  return {
    id: row.id,
    at: row.at,
    kind: row.kind,
    actorId: row.actor_id,
    actorLogin: row.actor_login,
    subject: row.subject,
    terminal: row.terminal,
    detail: unreadable ? {} : (JSON.parse(row.detail) as AuditDetail),
    unreadable,
    rawDetail: row.detail,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
};
