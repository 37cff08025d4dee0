/**
 * Bulk work on an order as a job: print@home, mobile or reissue for every ticket not issued yet.
 * Starting answers at once with the job's id; the work runs behind it in small batches, each ticket
 * whole (its claim, its stored PDF and its audit entry commit together), so the main thread never holds
 * the event loop for long: print@home tickets are drawn in worker threads, the main thread only claims
 * and commits. One job per order at a time; a job belongs to the session that started it (status,
 * cancel and its file answer only there) and stops when that session ends. Start, cancel and end are audited.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { IssueResult } from '../../../shared/delivery-views';
import type { JobKind, JobView } from '../../../shared/job-views';
import { fail, ok, type Result } from '../../../shared/result';
import type { Locale } from '../../../shared/i18n/locales';
import { text, translate, translateText } from '../../../shared/i18n/translator';
import type { AuditLog } from '../audit/audit-log';
import type { Session, SessionManager } from '../auth/sessions';
import type { DeliveryService } from '../delivery/delivery-service';
import { allows, lockedMessage } from '../delivery/lock-reasons';
import { isConnectionFailure } from '../store/engine/errors';
import type { OrderRecord, OrdersRepo, TicketRecord } from '../store/orders-repo';
import type { Clock } from '../types';
import { PdfJoiner, RenderPool } from './render-pool';

export interface JobsDeps {
  orders: OrdersRepo;
  delivery: DeliveryService;
  audit: AuditLog;
  sessions: SessionManager;
  clock: Clock;
  /** A private folder for the joined files (emptied at start and close). */
  dir: string;
  /** The ticket workers; one per core unless a test asks for another number. */
  pool?: RenderPool;
}

/**
 * Tickets per commit. Small enough that a batch's transaction (a few hundred microseconds a ticket) stays far
 * below the 50 ms the event loop may be held; large enough that commits are not the bottleneck.
 */
export const BATCH = { print_at_home: 16, mobile: 100, reissue: 40 } as const satisfies Record<JobKind, number>;
const REFUSED_SHOWN = 100;
/** Finished jobs are kept (with their file) this long for their session, or until the next job of the order. */
const KEEP_FINISHED_MS = 60 * 60 * 1000;

interface Job {
  view: JobView;
  /** The language of the job's messages and refusals: its session's. */
  locale: Locale;
  sessionId: string;
  seat: string;
  /** The joined PDF once written (print@home). */
  file: string | null;
  cancel: boolean;
  finished: Promise<void>;
}

interface Prepared {
  items: { ticket: TicketRecord; order: OrderRecord; issuedAt: number; pdf: Promise<Uint8Array> }[];
  refused: IssueResult['refused'];
}

export class Jobs {
  private readonly jobs = new Map<string, Job>();
  private readonly running = new Map<number, Job>();
  private readonly pool: RenderPool;
  private closing = false;

  constructor(private readonly d: JobsDeps) {
    this.pool = d.pool ?? new RenderPool();
    // Files of a run that crashed hold valid barcodes: gone before anything else.
    fs.rmSync(d.dir, { recursive: true, force: true });
  }

  async start(session: Session, seat: string, kind: JobKind, orderId: number, reason?: string): Promise<Result<{ jobId: string }>> {
    const busy = this.runningConflict(orderId);
    if (busy) return busy;
    const order = await this.d.orders.order(orderId);
    if (!order) return fail('NOT_FOUND', text('coreData.orders.missing'));
    if (kind === 'print_at_home' && !order.allowsPrint) return fail('CONFLICT', text('coreData.delivery.modeNotAllowed', { mode: 'print_at_home' }));
    if (kind === 'mobile' && !order.allowsMobile) return fail('CONFLICT', text('coreData.jobs.mobileNotAllowed'));
    if (kind !== 'reissue' && !order.paid) return fail('CONFLICT', text('coreData.delivery.notPaid'));
    const ids = await this.d.orders.unissuedTicketIds(orderId);
    if (ids.length === 0) return fail('CONFLICT', text('coreData.jobs.allIssued'));
    // Checked again after the awaits above: two starts at the same moment cannot both pass.
    const again = this.runningConflict(orderId);
    if (again) return again;
    this.forgetOld(session.id, orderId);
    const now = this.d.clock.now();
    const job: Job = {
      view: {
        id: crypto.randomBytes(12).toString('base64url'),
        kind,
        orderId,
        orderNumber: order.number,
        state: 'running',
        cancelRequested: false,
        done: 0,
        total: ids.length,
        issued: 0,
        refused: [],
        refusedCount: 0,
        startedAt: now,
        endedAt: null,
        msLeft: null,
        message: null,
        result: null,
      },
      sessionId: session.id,
      locale: this.d.delivery.localeOf(session),
      seat,
      file: null,
      cancel: false,
      finished: Promise.resolve(),
    };
    this.jobs.set(job.view.id, job);
    this.running.set(orderId, job);
    try {
      await this.d.audit.append({ kind: 'job.started', actorId: session.operatorId, actorLogin: session.login, subject: order.number, detail: { job: job.view.id, kind, tickets: ids.length } });
    } catch (error) {
      this.running.delete(orderId);
      this.jobs.delete(job.view.id);
      throw error;
    }
    job.finished = this.run(job, session, ids, reason ?? '');
    return ok({ jobId: job.view.id });
  }

  /** A job of this session, by id or the latest of an order (null when none). */
  status(session: Session, target: { jobId: string } | { orderId: number }): Result<{ job: JobView | null }> {
    if ('jobId' in target) {
      const job = this.mine(session, target.jobId);
      return job ? ok({ job: this.view(job) }) : fail('NOT_FOUND', text('coreData.jobs.notHereLong'));
    }
    let latest: Job | null = null;
    for (const job of this.jobs.values()) if (job.sessionId === session.id && job.view.orderId === target.orderId && (!latest || job.view.startedAt >= latest.view.startedAt)) latest = job;
    return ok({ job: latest ? this.view(latest) : null });
  }

  async cancel(session: Session, jobId: string): Promise<Result<JobView>> {
    const job = this.mine(session, jobId);
    if (!job) return fail('NOT_FOUND', text('coreData.jobs.notHere'));
    if (job.view.state !== 'running') return fail('CONFLICT', text('coreData.jobs.ended', { state: job.view.state }));
    if (!job.cancel) {
      job.cancel = true;
      job.view.cancelRequested = true;
      await this.d.audit.append({ kind: 'job.cancel-requested', actorId: session.operatorId, actorLogin: session.login, subject: job.view.orderNumber, detail: { job: job.view.id, kind: job.view.kind, done: job.view.done, total: job.view.total } });
    }
    return ok(this.view(job));
  }

  /** The joined file of a job of this session, once written. */
  resultFile(session: Session, jobId: string): Result<{ file: string; fileName: string; bytes: number }> {
    const job = this.mine(session, jobId);
    if (!job) return fail('NOT_FOUND', text('coreData.jobs.notHere'));
    if (!job.file || !job.view.result) return fail('CONFLICT', text(job.view.state === 'running' ? 'coreData.jobs.fileAtEnd' : 'coreData.jobs.noFile'));
    return ok({ file: job.file, fileName: job.view.result.fileName, bytes: job.view.result.bytes });
  }

  /** Waits for a job to end (tests, benches). */
  async settled(jobId: string): Promise<void> {
    await this.jobs.get(jobId)?.finished;
  }

  /** Stops every job (each after its current batch), ends the workers and removes the files. */
  async close(): Promise<void> {
    this.closing = true;
    for (const job of this.running.values()) job.cancel = true;
    await Promise.all([...this.running.values()].map((job) => job.finished));
    await this.pool.close();
    fs.rmSync(this.d.dir, { recursive: true, force: true });
  }

  private runningConflict(orderId: number): Result<never> | null {
    const job = this.running.get(orderId);
    if (!job) return null;
    const { id, kind, done, total } = job.view;
    return fail('CONFLICT', text('coreData.jobs.busy', { kind, done: String(done), total: String(total), id }));
  }

  private mine(session: Session, jobId: string): Job | undefined {
    const job = this.jobs.get(jobId);
    return job && job.sessionId === session.id ? job : undefined;
  }

  private view(job: Job): JobView {
    return { ...job.view, refused: job.view.refused.slice(0, REFUSED_SHOWN) };
  }

  /** A session's earlier job of the order, and any job ended long ago, are forgotten with their files. */
  private forgetOld(sessionId: string, orderId: number): void {
    const now = this.d.clock.now();
    for (const [id, job] of this.jobs) {
      if (job.view.state === 'running') continue;
      if ((job.sessionId === sessionId && job.view.orderId === orderId) || now - (job.view.endedAt ?? now) > KEEP_FINISHED_MS) {
        if (job.file) fs.rmSync(job.file, { force: true });
        this.jobs.delete(id);
      }
    }
  }

  /** The session that started the job is still there (a locked terminal is; a signed-out one is not). */
  private ownerPresent(job: Job): boolean {
    const found = this.d.sessions.lookup(job.seat);
    return (found.status === 'active' || found.status === 'locked') && found.session.id === job.sessionId;
  }

  /** Before each batch: stop when asked, or when the operator's session has gone. */
  private shouldStop(job: Job): boolean {
    if (!job.cancel && !this.ownerPresent(job)) {
      job.cancel = true;
      job.view.message = translate(job.locale, 'coreData.jobs.ownerLeft');
    }
    return job.cancel;
  }

  private progress(job: Job, issued: number, refused: IssueResult['refused'], handled: number): void {
    const v = job.view;
    v.issued += issued;
    for (const r of refused) if (v.refused.length < REFUSED_SHOWN * 10) v.refused.push(r);
    v.refusedCount += refused.length;
    v.done += handled;
    const elapsed = this.d.clock.now() - v.startedAt;
    v.msLeft = v.done > 0 ? Math.round((elapsed / v.done) * (v.total - v.done)) : null;
  }

  private async run(job: Job, session: Session, ids: number[], reason: string): Promise<void> {
    let joiner: PdfJoiner | null = null;
    // Shown only once the joined file is written too: a screen that sees the job ended stops asking, and must
    // then find the file already there.
    let ended: JobView['state'];
    try {
      if (job.view.kind === 'print_at_home') {
        joiner = new PdfJoiner();
        await this.runPrint(job, session, ids, joiner);
      } else {
        await this.runBatches(job, session, ids, reason);
      }
      ended = job.cancel ? 'cancelled' : 'done';
    } catch (error) {
      ended = 'failed';
      if (isConnectionFailure(error)) job.view.message = translate(job.locale, 'coreSession.storeUnreachable');
      else {
        console.error(`[box-office] job ${job.view.id} (${job.view.kind}) failed:`, error);
        job.view.message = translate(job.locale, 'coreData.jobs.failed');
      }
    }
    // The tickets issued, whatever ended the job, joined into one file to print.
    if (joiner) {
      if (joiner.added > 0 && !this.closing) {
        const file = path.join(this.d.dir, `${job.view.id}.pdf`);
        try {
          fs.mkdirSync(this.d.dir, { recursive: true, mode: 0o700 });
          const written = await joiner.finish(file);
          job.file = file;
          job.view.result = { fileName: `tickets-${job.view.orderNumber.replace(/[^A-Za-z0-9._-]/g, '_')}.pdf`, pages: written.pages, bytes: written.bytes };
        } catch (error) {
          console.error(`[box-office] job ${job.view.id}: the joined file was not written:`, error);
          job.view.message ??= translate(job.locale, 'coreData.jobs.joinFailed');
        }
      } else await joiner.abandon();
    }
    job.view.state = ended;
    job.view.endedAt = this.d.clock.now();
    job.view.msLeft = null;
    this.running.delete(job.view.orderId);
    const { id, kind, state, total, done, issued, refusedCount } = job.view;
    try {
      await this.d.audit.append({ kind: 'job.ended', actorId: session.operatorId, actorLogin: session.login, subject: job.view.orderNumber, detail: { job: id, kind, state, total, done, issued, refused: refusedCount } });
    } catch (error) {
      console.error(`[box-office] job ${id}: its end was not audited:`, error);
    }
  }

  /** Mobile and reissue: no rendering, each batch one short transaction. */
  private async runBatches(job: Job, session: Session, ids: number[], reason: string): Promise<void> {
    const size = BATCH[job.view.kind];
    for (let at = 0; at < ids.length; at += size) {
      if (this.shouldStop(job)) return;
      const batch = ids.slice(at, at + size);
      if (job.view.kind === 'mobile') {
        const result = await this.d.delivery.issueMobile(session, { ticketIds: batch });
        if (result.ok) this.progress(job, result.value.issued, result.value.refused, batch.length);
        else this.progress(job, 0, [{ ticketId: batch[0]!, reason: result.error.text ? translateText(job.locale, result.error.text) : result.error.message }], batch.length);
      } else {
        const done = await this.d.delivery.reissueNotIssued(session, batch, reason);
        this.progress(job, done.reissued, done.refused, batch.length);
      }
      await yieldToEvents();
    }
  }

  /**
   * print@home: batches are read and drawn ahead (the workers stay busy) while the main thread commits the
   * batch before. A batch drawn but not committed when the job stops is dropped: nothing of it is stored.
   */
  private async runPrint(job: Job, session: Session, ids: number[], joiner: PdfJoiner): Promise<void> {
    const size = BATCH.print_at_home;
    const ahead = Math.max(2, this.pool.size * 2);
    const by = await this.d.delivery.issuer(session);
    const pending: Promise<Prepared>[] = [];
    let next = 0;
    const launch = () => {
      while (pending.length < ahead && next < ids.length) {
        // One batch read after the other (not all at once): each read is one short step of the event loop.
        const before = pending.at(-1) ?? Promise.resolve();
        const batch = ids.slice(next, next + size);
        const prepared = before.then(
          () => this.prepare(job, batch),
          () => this.prepare(job, batch),
        );
        // Awaited in turn below; a batch dropped at a stop must not surface as an unhandled rejection.
        prepared.catch(() => undefined);
        pending.push(prepared);
        next += size;
      }
    };
    launch();
    while (pending.length > 0) {
      if (this.shouldStop(job)) return;
      const batch = await pending.shift()!;
      if (this.shouldStop(job)) return;
      launch();
      const drawn = await Promise.allSettled(batch.items.map((item) => item.pdf));
      const refused = [...batch.refused];
      const ready: Parameters<DeliveryService['commitPrinted']>[2][number][] = [];
      batch.items.forEach((item, i) => {
        const outcome = drawn[i]!;
        if (outcome.status === 'fulfilled') {
          const pdf = outcome.value;
          ready.push({ ticket: item.ticket, order: item.order, pdf, sha256: crypto.createHash('sha256').update(pdf).digest('hex'), issuedAt: item.issuedAt });
        } else refused.push({ ticketId: item.ticket.id, reason: translate(job.locale, 'coreData.jobs.notDrawn', { problem: (outcome.reason as Error).message }) });
      });
      const won = ready.length > 0 ? await this.d.delivery.commitPrinted(session, by, ready) : [];
      let issued = 0;
      for (let i = 0; i < ready.length; i++) {
        const item = ready[i]!;
        if (won[i]) {
          issued += 1;
          joiner.add(item.pdf);
        } else refused.push({ ticketId: item.ticket.id, reason: await this.lostReason(item.ticket, job.locale) });
      }
      this.progress(job, issued, refused, batch.items.length + batch.refused.length);
      await yieldToEvents();
    }
  }

  /** Reads and checks a batch (two queries), and hands each ticket still free to the workers. */
  private async prepare(job: Job, batch: number[]): Promise<Prepared> {
    const { orderId } = job.view;
    const prepared: Prepared = { items: [], refused: [] };
    const order = await this.d.orders.order(orderId);
    const tickets = new Map((await this.d.orders.ticketsByIds(batch)).map((ticket) => [ticket.id, ticket]));
    for (const ticketId of batch) {
      const ticket = tickets.get(ticketId);
      if (!order || !ticket || ticket.orderId !== orderId) {
        prepared.refused.push({ ticketId, reason: translate(job.locale, 'coreData.delivery.ticketMissing', { ticketId }) });
        continue;
      }
      // The same rules as print@home for one ticket (another desk may have changed the order or the ticket).
      const refusal = !allows(order, 'print_at_home')
        ? text('coreData.delivery.modeNotAllowed', { mode: 'print_at_home' })
        : !order.paid
          ? text('coreData.delivery.notPaid')
          : ticket.delivery === 'print_at_home'
            ? text('coreData.jobs.printedMeanwhile')
            : ticket.delivery !== 'none'
              ? lockedMessage(ticket, 'print_at_home')
              : null;
      if (refusal) {
        prepared.refused.push({ ticketId, reason: translateText(job.locale, refusal) });
        continue;
      }
      const issuedAt = this.d.clock.now();
      const pdf = this.pool.render(this.d.delivery.pdfInput(ticket, order, issuedAt));
      pdf.catch(() => undefined); // settled by allSettled when committed; a dropped batch's failure is nobody's
      prepared.items.push({ ticket, order, issuedAt, pdf });
    }
    return prepared;
  }

  private async lostReason(ticket: TicketRecord, locale: Locale): Promise<string> {
    const current = await this.d.orders.ticket(ticket.id);
    if (!current) return translate(locale, 'coreData.delivery.ticketMissing', { ticketId: ticket.id });
    if (current.delivery === 'none') return translate(locale, 'coreData.delivery.changedMeanwhile');
    if (current.delivery === 'print_at_home') return translate(locale, 'coreData.jobs.printedMeanwhile');
    return translateText(locale, lockedMessage(current, 'print_at_home'));
  }
}

/** Lets timers, other calls and I/O run between batches. */
const yieldToEvents = () => new Promise<void>((resolve) => setImmediate(resolve));
