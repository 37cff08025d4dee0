/** Handlers of backup and restore. */
import { ok } from '../../../shared/result';
import type { DomainHandlers, Services } from './index';

export const backupHandlers = (s: Services): DomainHandlers<'backup.'> => ({
  'backup.list': () => ok({ folder: s.backup.defaultDir, files: s.backup.list() }),
  'backup.create': (input, { session }) => s.backup.create(session!, input.directory),
  'backup.restore': async (input, { session }) => {
    // Replacing every record is the most far-reaching action there is: the password, every time.
    const confirmed = await s.auth.reauthenticate(session!, input.password, { always: true });
    if (!confirmed.ok) return confirmed;
    return s.backup.restore(session!, input.path);
  },
});
