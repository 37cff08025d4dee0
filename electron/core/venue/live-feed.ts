/**
 * What other terminals change, as it happens: one connection of this terminal LISTENs to the venue's
 * change channel (ids only), and reads the change log when it (re)connects and every few seconds, so a
 * notice missed while away is still seen.
 *
 * Reading the log by sequence number would miss rows: numbers are taken in one order and committed in
 * another. The log is read by transaction id instead: each read takes every row whose transaction is
 * older than the oldest one still running (`pg_snapshot_xmin`) — those are all finished, so that range
 * never grows again — and the next read starts where this one ended. Rows seen live and again in the
 * log are told apart by their sequence number.
 *
 * Screens wait on `wait(after)` (long polling): answered at once when something newer than their
 * cursor is buffered, else at the next change or after the time limit.
 */
import pg from 'pg';
import type { LiveBatch, LiveChange, LiveChangeKind } from '../../../shared/venue-views';
import { isLoginRefused } from '../store/engine/errors';
import { CHANGES_CHANNEL } from '../store/migrations/venue-postgres';

const KINDS = new Set<LiveChangeKind>(['order', 'scan', 'operators', 'settings', 'terminals']);
const BUFFERED = 2_000;
const CATCH_UP_EVERY_MS = 5_000;
/** The log keeps a day; a terminal away longer than this reloads instead of trusting it. */
export const CHANGE_LOG_KEEP_MS = 24 * 3_600_000;
const AWAY_TOO_LONG_MS = CHANGE_LOG_KEEP_MS / 2;

interface Buffered {
  cursor: number;
  change: LiveChange;
  /** This change arrived after a gap: screens reload everything. */
  reload: boolean;
}

export interface LiveFeedOptions {
  /** The connection settings of this terminal's own login. */
  connection: pg.ClientConfig;
  now: () => number;
  /** Called once the database refuses this terminal's login (revoked). */
  onRevoked?: () => void;
  /** Called with each change as it is buffered (benchmarks). */
  onChange?: (change: LiveChange, seq: number) => void;
}

export class LiveFeed {
  private client: pg.Client | null = null;
  private horizon: string | null = null;
  private readonly seen = new Set<number>();
  private readonly buffer: Buffered[] = [];
  /** Starts at 1: a screen's first call (`after: 0`) means "from now", never "everything". */
  private cursor = 1;
  private waiters = new Set<() => void>();
  private closed = false;
  private lostAt: number | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private catchUpTimer: NodeJS.Timeout | null = null;
  private catchingUp: Promise<void> | null = null;

  constructor(private readonly o: LiveFeedOptions) {}

  /** Connects in the background; a database that is away now is tried again until close. */
  start(): void {
    void this.connect();
    this.catchUpTimer = setInterval(() => void this.catchUp(), CATCH_UP_EVERY_MS);
    this.catchUpTimer.unref();
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.catchUpTimer) clearInterval(this.catchUpTimer);
    for (const wake of this.waiters) wake();
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  /** Changes after `after` (0: none yet, only the current cursor); waits up to `timeoutMs` for one. */
  async wait(after: number, timeoutMs: number): Promise<LiveBatch> {
    if (after > 0 && this.newer(after).length === 0 && !this.closed) {
      await new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          this.waiters.delete(wake);
          resolve();
        };
        const timer = setTimeout(wake, timeoutMs);
        this.waiters.add(wake);
      });
    }
    if (after === 0) return { cursor: this.cursor, changes: [], reload: false };
    const newer = this.newer(after);
    // Older than what the buffer holds: the screen missed changes, it reloads.
    const missed = after < this.cursor && (this.buffer[0]?.cursor ?? this.cursor + 1) > after + 1;
    const unique = new Map<string, LiveChange>();
    for (const b of newer) unique.set(`${b.change.kind}:${b.change.ref}`, b.change);
    return { cursor: this.cursor, changes: [...unique.values()], reload: missed || newer.some((b) => b.reload) };
  }

  private newer(after: number): Buffered[] {
    return this.buffer.filter((b) => b.cursor > after);
  }

  private push(seq: number, change: LiveChange, reload = false): void {
    if (this.seen.has(seq)) return;
    this.seen.add(seq);
    if (this.seen.size > BUFFERED * 4) {
      const oldest = [...this.seen].sort((a, b) => a - b).slice(0, BUFFERED * 2);
      for (const s of oldest) this.seen.delete(s);
    }
    this.cursor += 1;
    this.buffer.push({ cursor: this.cursor, change, reload });
    if (this.buffer.length > BUFFERED) this.buffer.splice(0, this.buffer.length - BUFFERED);
    this.o.onChange?.(change, seq);
    for (const wake of [...this.waiters]) wake();
  }

  private async connect(): Promise<void> {
    if (this.closed) return;
    const client = new pg.Client({ ...this.o.connection, application_name: 'box-office-live' });
    client.on('error', () => this.lost(client));
    client.on('end', () => this.lost(client));
    client.on('notification', (message) => {
      if (message.channel !== CHANGES_CHANNEL || !message.payload) return;
      const parsed = parsePayload(message.payload);
      if (parsed) this.push(parsed.seq, parsed.change);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANGES_CHANNEL}`);
      if (this.closed) {
        await client.end();
        return;
      }
      this.client = client;
      const awayFor = this.lostAt === null ? 0 : this.o.now() - this.lostAt;
      this.lostAt = null;
      if (awayFor > AWAY_TOO_LONG_MS) {
        this.horizon = null;
        this.push(-this.o.now(), { kind: 'order', ref: null }, true);
      }
      await this.catchUp();
    } catch (error) {
      await client.end().catch(() => undefined);
      if (isLoginRefused(error)) {
        this.o.onRevoked?.();
        return;
      }
      this.lostAt ??= this.o.now();
      this.retry();
    }
  }

  private lost(client: pg.Client): void {
    if (this.client !== client) return;
    this.client = null;
    this.lostAt ??= this.o.now();
    void client.end().catch(() => undefined);
    this.retry();
  }

  private retry(): void {
    if (this.closed || this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.connect();
    }, 1_000);
    this.retryTimer.unref();
  }

  /** Reads the log from the horizon to the oldest running transaction, and moves the horizon there. */
  private catchUp(): Promise<void> {
    return (this.catchingUp ??= this.readLog().finally(() => {
      this.catchingUp = null;
    }));
  }

  private async readLog(): Promise<void> {
    const client = this.client;
    if (!client) return;
    try {
      if (this.horizon === null) {
        // From now on: what happened before this terminal started, its screens read anyway.
        const { rows } = await client.query<{ x: string }>('SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS x');
        this.horizon = rows[0]!.x;
        return;
      }
      const { rows } = await client.query<{ horizon: string; seq: string | null; kind: string | null; ref: string | null }>(
        `SELECT h.x::text AS horizon, c.seq::text, c.kind, c.ref::text
           FROM (SELECT pg_snapshot_xmin(pg_current_snapshot()) AS x) h
           LEFT JOIN change_log c ON c.tx >= $1::xid8 AND c.tx < h.x
          ORDER BY c.seq`,
        [this.horizon],
      );
      for (const row of rows) {
        if (row.seq === null || !KINDS.has(row.kind as LiveChangeKind)) continue;
        this.push(Number(row.seq), { kind: row.kind as LiveChangeKind, ref: row.ref === null ? null : Number(row.ref) });
      }
      if (rows[0]) this.horizon = rows[0].horizon;
    } catch {
      // The connection's own error handler reconnects; the horizon stays where it was.
    }
  }
}

function parsePayload(payload: string): { seq: number; change: LiveChange } | null {
  try {
    const p = JSON.parse(payload) as { seq?: unknown; kind?: unknown; ref?: unknown };
    if (!Number.isSafeInteger(p.seq) || !KINDS.has(p.kind as LiveChangeKind)) return null;
    const ref = p.ref === null || p.ref === undefined ? null : Number(p.ref);
    return { seq: p.seq as number, change: { kind: p.kind as LiveChangeKind, ref: Number.isSafeInteger(ref) ? ref : null } };
  } catch {
    return null;
  }
}
