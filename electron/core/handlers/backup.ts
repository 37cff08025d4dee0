/** Handlers of backup and restore. */
import { ok } from '../../../shared/result';
import { sessionLocale } from '../delivery/locale';
import type { DomainHandlers, Services } from './index';

export const backupHandlers = (s: Services): DomainHandlers<'backup.'> => ({
  'backup.list': (_input, { session }) => ok({ folder: s.backup.defaultDir, files: s.backup.list(), venueDatabase: s.backup.venueDatabase(sessionLocale(session, s.settings)) }),
  'backup.progress': () => ok({ progress: s.backup.progress() }),
  'backup.create': (input, { session }) => s.backup.create(session!, input.directory),
  'backup.restore': async (input, { session }) => {
    // A venue database is restored with its own tools: answered before a password is asked for or counted.
    if (s.backup.venueDatabase()) return s.backup.restore(session!, input.path);
    // Replacing every record is the most far-reaching action there is: the password, every time.
    const confirmed = await s.auth.reauthenticate(session!, input.password, { always: true });
    if (!confirmed.ok) return confirmed;
    // Then step-up (that password is her proof when she has no second factor) and a supervisor's approval when asked.
    await s.sensitive.stepUp.passwordJustChecked(session!, 'restore');
    return s.sensitive.run(session!, 'restore', input, () => s.backup.restore(session!, input.path));
  },
});
