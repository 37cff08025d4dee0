/** Handlers of venue mode: membership, create and join (fresh terminals), terminals (admins), the live feed. */
import { text } from '../../../shared/i18n/translator';
import { fail, ok, type Result } from '../../../shared/result';
import type { LiveBatch, VenueMembership } from '../../../shared/venue-views';
import type { Session } from '../auth/sessions';
import type { Terminals } from '../venue/terminals';
import type { DomainHandlers, Services } from './index';

/** Long polls answer within this, well under any proxy's or transport's time limit. */
export const LIVE_WAIT_MS = 20_000;

export const NOT_FRESH = text('coreData.venue.notFresh');

export const venueHandlers = (s: Services): DomainHandlers<'venue.' | 'live.'> => ({
  'venue.membership': () => ok(s.venue.membership()),
  'venue.create': (input) => s.venue.whenFresh(() => s.venue.create(input)),
  'venue.join': (input) => s.venue.whenFresh(() => s.venue.join(input)),
  'venue.recover': (input) => s.venue.whenFresh(() => s.venue.recover(input)),
  'venue.exportKey': async (input, { session }) => {
    const confirmed = await s.auth.reauthenticate(session!, input.password, { always: true });
    if (!confirmed.ok) return confirmed;
    return s.venue.exportKey(session!, input.passphrase);
  },
  'venue.terminals': () => s.venue.terminals.list(),
  'venue.addTerminal': (input, { session }) => s.venue.terminals.add(session!, input.name, input.kind),
  'venue.revokeTerminal': (input, { session }) => s.venue.terminals.revoke(session!, input.terminalId),
  // Both act only while the terminal is blocked (startCore answers them then); a running core refuses.
  'venue.leave': () => fail('CONFLICT', text('coreData.venue.notRevoked')),
  'venue.upgrade': () => fail('CONFLICT', text('coreData.venue.upToDate')),
  'live.wait': async (input) => ok(await s.venue.wait(input.after, LIVE_WAIT_MS)),
});

/** What the venue handlers need from the composition root (app.ts). */
export interface VenueServices {
  membership(): VenueMembership;
  /** Runs `work` only on a fresh terminal of this computer (no account, not joined); otherwise CONFLICT. */
  whenFresh(work: () => Promise<Result<VenueMembership>>): Promise<Result<VenueMembership>>;
  create(input: { databaseUrl: string; ownerPassword: string; terminalName: string; kind: 'desk' | 'gate' }): Promise<Result<VenueMembership>>;
  join(input: { databaseUrl: string; code: string }): Promise<Result<VenueMembership>>;
  recover(input: { databaseUrl: string; ownerPassword: string; keyFile: string; passphrase: string; terminalName: string; kind: 'desk' | 'gate' }): Promise<Result<VenueMembership>>;
  exportKey(by: Session, passphrase: string): Promise<Result<{ fileName: string; content: string }>>;
  terminals: Terminals;
  wait(after: number, timeoutMs: number): Promise<LiveBatch>;
}

