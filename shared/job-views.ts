/** What the screens see of bulk work on an order (a job): progress, outcome, and the joined file. */

/** print@home for all (one joined PDF), mobile for all, reissue for all: each of an order's tickets not issued yet. */
export type JobKind = 'print_at_home' | 'mobile' | 'reissue';

export type JobState = 'running' | 'done' | 'cancelled' | 'failed';

export interface JobView {
  id: string;
  kind: JobKind;
  orderId: number;
  orderNumber: string;
  state: JobState;
  /** Asked to stop; it stops after the batch it is committing (each ticket whole). */
  cancelRequested: boolean;
  /** Tickets handled so far (issued or refused) of `total`. */
  done: number;
  total: number;
  issued: number;
  /** Tickets left as they were, with the reason (the first 100; `refusedCount` counts them all). */
  refused: { ticketId: number; reason: string }[];
  refusedCount: number;
  startedAt: number;
  endedAt: number | null;
  /** Estimated from the pace so far; null until a first batch is done or once the job ended. */
  msLeft: number | null;
  /** Why it failed, for people. */
  message: string | null;
  /** print@home: the joined PDF of the tickets issued, once written (also after a cancel, of those done). */
  result: { fileName: string; pages: number; bytes: number } | null;
}
