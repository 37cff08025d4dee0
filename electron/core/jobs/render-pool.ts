/**
 * Worker threads that draw print@home tickets, one per core (`os.availableParallelism()`), started with the
 * first job and ended when they have been idle a while or the core closes. Requests queue here and go to
 * the first free worker; a worker that dies fails its request and is replaced on the next one.
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { TicketPdfInput } from '../delivery/ticket-pdf';
import type { JoinReply, JoinRequest, RenderReply, RenderRequest } from './ticket-worker';
import { ticketWorkerFile } from './worker-file';

const IDLE_MS = 30_000;

interface Slot {
  worker: Worker;
  busy: { id: number; resolve: (pdf: Uint8Array) => void; reject: (error: Error) => void } | null;
}

export class RenderPool {
  private readonly slots: Slot[] = [];
  private readonly queue: { request: RenderRequest; resolve: (pdf: Uint8Array) => void; reject: (error: Error) => void }[] = [];
  private nextId = 1;
  private idleTimer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(readonly size = Math.max(1, os.availableParallelism())) {}

  render(input: TicketPdfInput): Promise<Uint8Array> {
    if (this.closed) return Promise.reject(new Error('The ticket workers have stopped (the app is closing).'));
    return new Promise((resolve, reject) => {
      this.queue.push({ request: { id: this.nextId++, input }, resolve, reject });
      this.pump();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    for (const waiting of this.queue.splice(0)) waiting.reject(new Error('The ticket workers have stopped (the app is closing).'));
    await Promise.all(this.slots.splice(0).map((slot) => slot.worker.terminate()));
  }

  private pump(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    while (this.queue.length > 0) {
      let slot = this.slots.find((s) => s.busy === null);
      if (!slot && this.slots.length < this.size) slot = this.spawn();
      if (!slot) return;
      const next = this.queue.shift()!;
      slot.busy = { id: next.request.id, resolve: next.resolve, reject: next.reject };
      slot.worker.postMessage(next.request);
    }
    if (this.slots.every((s) => s.busy === null)) {
      this.idleTimer = setTimeout(() => void this.endIdle(), IDLE_MS);
      this.idleTimer.unref();
    }
  }

  private async endIdle(): Promise<void> {
    if (this.queue.length > 0 || this.slots.some((s) => s.busy)) return;
    await Promise.all(this.slots.splice(0).map((slot) => slot.worker.terminate()));
  }

  private spawn(): Slot {
    const worker = new Worker(ticketWorkerFile(), { workerData: { role: 'render' } });
    // An idle worker does not keep the process alive (tests, a web shell stopping).
    worker.unref();
    const slot: Slot = { worker, busy: null };
    worker.on('message', (reply: RenderReply) => {
      const busy = slot.busy;
      if (!busy || busy.id !== reply.id) return;
      slot.busy = null;
      if ('pdf' in reply) busy.resolve(reply.pdf);
      else busy.reject(new Error(reply.error));
      this.pump();
    });
    const lost = (error: Error) => {
      const index = this.slots.indexOf(slot);
      if (index >= 0) this.slots.splice(index, 1);
      slot.busy?.reject(error);
      slot.busy = null;
      if (!this.closed) this.pump();
    };
    worker.on('error', lost);
    worker.on('exit', (code) => lost(new Error(`A ticket worker stopped (exit code ${code}).`)));
    this.slots.push(slot);
    return slot;
  }
}

/** One joined PDF, built in its own worker thread as tickets are committed, written to a file at the end. */
export class PdfJoiner {
  private readonly worker = new Worker(ticketWorkerFile(), { workerData: { role: 'join' } });
  private readonly outcome: Promise<{ pages: number; bytes: number }>;
  private pages = 0;

  constructor() {
    this.outcome = new Promise((resolve, reject) => {
      this.worker.on('message', (reply: JoinReply) => ('written' in reply ? resolve(reply.written) : reject(new Error(reply.error))));
      this.worker.on('error', reject);
      this.worker.on('exit', (code) => reject(new Error(`The worker joining the tickets stopped (exit code ${code}).`)));
    });
    // Settled by whoever awaits finish(); an unobserved rejection (a job that never finishes) is not an error.
    this.outcome.catch(() => undefined);
  }

  get added(): number {
    return this.pages;
  }

  /** A copy goes to the worker: the caller's bytes stay as they are. */
  add(pdf: Uint8Array): void {
    this.pages += 1;
    this.worker.postMessage({ add: pdf } satisfies JoinRequest);
  }

  async finish(file: string): Promise<{ pages: number; bytes: number }> {
    this.worker.postMessage({ finish: file } satisfies JoinRequest);
    try {
      return await this.outcome;
    } finally {
      await this.worker.terminate();
    }
  }

  async abandon(): Promise<void> {
    await this.worker.terminate();
  }
}
