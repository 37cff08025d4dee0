/** Handlers of bulk work on an order (jobs). */
import { text } from '../../../shared/i18n/translator';
import { fail, ok } from '../../../shared/result';
import type { DomainHandlers, Services } from './index';

export const jobsHandlers = (s: Services): DomainHandlers<'jobs.'> => ({
  'jobs.startPrintAtHome': (input, { session, seat }) => s.jobs.start(session!, seat, 'print_at_home', input.orderId),
  'jobs.startMobile': (input, { session, seat }) => s.jobs.start(session!, seat, 'mobile', input.orderId),
  // Any bulk reissue is sensitive: step-up, and a supervisor's approval when the institution asks (her name then on the job's entries).
  'jobs.startReissue': (input, { session, seat }) => s.sensitive.run(session!, 'bulkReissue', input, () => s.jobs.start(session!, seat, 'reissue', input.orderId, input.reason)),
  'jobs.status': (input, { session }) => s.jobs.status(session!, input),
  'jobs.cancel': (input, { session }) => s.jobs.cancel(session!, input.jobId),
  'jobs.saveResult': async (input, { session, seat }) => {
    const found = s.jobs.resultFile(session!, input.jobId);
    if (!found.ok) return found;
    // Only a transport with a save dialog of its own (Electron's main process) saves here; the web shell downloads.
    if (!s.saveFile) return fail('CONFLICT', text('coreData.jobs.downloadInstead', { jobId: input.jobId }));
    const { saved } = await s.saveFile(seat, found.value.fileName, found.value.file);
    return ok({ saved, fileName: found.value.fileName });
  },
});
