/** Channels of bulk work on an order (jobs): start, follow, cancel, and save the joined file. */
import { z } from 'zod';
import type { JobView } from '../job-views';
import { text } from '../text';
import { SENSITIVE_ERRORS, sensitiveInput } from './sensitive';
import { channel } from './define';

const id = z.number().int().positive();
const jobId = z.string().trim().regex(/^[A-Za-z0-9_-]{8,64}$/, 'coreData.jobs.notAJob');
const started = '`{ jobId }` at once; follow it with `jobs.status`';

export const jobsChannels = {
  'jobs.startPrintAtHome': channel<{ jobId: string }>()({
    input: z.object({ orderId: id }).strict(),
    access: 'delivery.issue',
    summary:
      'Starts print@home for every ticket of the order not issued yet, as a job: each ticket\'s own PDF is rendered (in worker threads) and stored exactly as `delivery.printAtHome` stores it, committed in small batches with its own audit entry; the tickets issued are joined into one file, `tickets-<order number>.pdf` (`jobs.saveResult`, or GET /api/jobs/<id>/result in the web shell). One job per order at a time.',
    returns: started,
    errors: ['NOT_FOUND', 'CONFLICT'],
  }),
  'jobs.startMobile': channel<{ jobId: string }>()({
    input: z.object({ orderId: id }).strict(),
    access: 'delivery.issue',
    summary: 'Starts issuing every ticket of the order not issued yet to mobile, as a job (batches, each ticket whole). One job per order at a time.',
    returns: started,
    errors: ['NOT_FOUND', 'CONFLICT'],
  }),
  'jobs.startReissue': channel<{ jobId: string }>()({
    input: z.object({ orderId: id, reason: text({ min: 3, max: 500 }), ...sensitiveInput }).strict(),
    access: 'delivery.reissue',
    summary:
      'Starts reissuing every ticket of the order not issued yet, as a job: each gets a new barcode (the old one revoked) with its own audit entry. A ticket issued meanwhile is left as it is (refused). One job per order at a time.',
    returns: started,
    errors: ['NOT_FOUND', 'CONFLICT', ...SENSITIVE_ERRORS],
  }),
  'jobs.status': channel<{ job: JobView | null }>()({
    input: z.union([z.object({ jobId }).strict(), z.object({ orderId: id }).strict()]),
    access: 'orders.read',
    summary:
      'A job of this session: by its id, or the latest for an order (null when this session has none). n of N, time left, state (running, done, cancelled, failed), tickets refused with reasons, and the joined file once written. Another session\'s job is NOT_FOUND.',
    returns: '`{ job: JobView | null }` (null: this session has no job for that order)',
    errors: ['NOT_FOUND'],
  }),
  'jobs.cancel': channel<JobView>()({
    input: z.object({ jobId }).strict(),
    access: 'orders.read',
    summary: 'Asks a running job of this session to stop: what is committed stays, the batch being committed finishes whole, nothing is half-done. print@home still joins the tickets issued so far.',
    returns: '`JobView`',
    errors: ['NOT_FOUND', 'CONFLICT'],
  }),
  'jobs.saveResult': channel<{ saved: boolean; fileName: string }>()({
    input: z.object({ jobId }).strict(),
    access: 'orders.read',
    summary:
      'Electron: asks where to save the joined PDF in the main process\'s save dialog (never a path from the page), then copies it there; `saved` is false when the operator cancelled the dialog. Web shell: the bridge downloads GET /api/jobs/<id>/result instead (this channel answers CONFLICT over HTTP).',
    returns: '`{ saved, fileName }`',
    errors: ['NOT_FOUND', 'CONFLICT'],
  }),
} as const;
