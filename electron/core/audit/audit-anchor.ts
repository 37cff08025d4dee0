/**
 * Keeps the head of the audit log (last id and its MAC) in the keychain, so a tail cut from the
 * store is seen. The keychain cannot join a transaction (and never runs inside one), so the anchor
 * follows each commit: scheduled once the transaction has committed (`Sql.afterCommit`), on the next
 * turn of the event loop, coalesced (one write in flight, one queued at most), reading the committed
 * head when it runs.
 *
 * It only moves forward, and only from an anchored entry that is still there with its MAC: another
 * terminal appending to the same log then only moves it further, and a cut log stays reported
 * instead of being re-anchored over.
 */
import type { AuditAnchor } from '../vault/vault';
import type { AuditRepo } from './audit-repo';
import { sameMac } from './audit-seal';

export interface AnchorStore {
  auditAnchor(): Promise<AuditAnchor | null>;
  setAuditAnchor(anchor: AuditAnchor): Promise<void>;
}

export class AnchorWriter {
  private chain: Promise<void> = Promise.resolve();
  private queued = false;
  private held = 0;

  constructor(
    private readonly repo: AuditRepo,
    private readonly store: AnchorStore,
  ) {}

  /** After a commit. */
  schedule(): void {
    if (this.queued) return;
    this.queued = true;
    this.chain = this.chain
      .then(() => new Promise<void>((resolve) => setImmediate(resolve)))
      .then(() => {
        this.queued = false;
        return this.advance();
      })
      .catch((error: unknown) => console.error('[box-office] the audit anchor could not be written:', error));
  }

  /** Resolves once every anchor write asked for so far has ended. */
  flush(): Promise<void> {
    return this.chain;
  }

  /**
   * While the store's content is replaced (restore) nothing is anchored; `set` then anchors the new
   * log's head, backwards if need be: the one place the anchor may go back.
   */
  async hold<T>(work: () => Promise<T>, set: (value: T) => Promise<AuditAnchor | null>): Promise<T> {
    await this.flush();
    this.held += 1;
    try {
      const value = await work();
      // `set` commits its transaction before the keychain is written.
      const anchor = await set(value);
      if (anchor) await this.store.setAuditAnchor(anchor);
      return value;
    } finally {
      this.held -= 1;
      this.schedule();
    }
  }

  private async advance(): Promise<void> {
    if (this.held > 0) return;
    const current = await this.store.auditAnchor();
    if (this.held > 0) return;
    const head = await this.repo.head();
    if (!head || head.mac === null) return;
    if (current) {
      if (head.id <= current.id) return;
      const anchored = await this.repo.macOf(current.id);
      if (!anchored?.mac || !sameMac(anchored.mac, current.mac)) {
        console.error(`[box-office] audit entry #${current.id} is not the one anchored; the anchor is kept so Verify reports it.`);
        return;
      }
    }
    // A restore that began meanwhile anchors its own log (hold waits for this write to end first).
    if (this.held > 0) return;
    await this.store.setAuditAnchor({ id: head.id, mac: head.mac });
  }
}
