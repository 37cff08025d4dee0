/** Who is signed in and what the app is: the state every screen reads. */
import { create } from 'zustand';
import { tNow } from '../i18n';
import { text, type LocalText } from '../../../shared/i18n/translator';
import type { AppError } from '../../../shared/result';
import type { AppInfo, SessionView } from '../../../shared/views';

export type Route = 'orders' | 'gate' | 'admin' | 'security';

interface SessionState {
  info: AppInfo | null;
  /** A blocking error (no keychain, refused store, missing bridge): nothing else is reachable. */
  blocked: AppError | null;
  session: SessionView;
  /**
   * A one-line notice shown on the sign-in screen (e.g. why the session ended): a catalogue text, put into the
   * language of the sign-in screen when shown (the session's own language may differ), or words already in it.
   */
  notice: LocalText | string | null;
  route: Route | null;
  /** The operator locked this terminal with "Lock now" (rather than the idle lock): the lock screen says so. */
  lockedByHand: boolean;
  /** Recovery codes just issued: shown once, before anything else, until the operator confirms they saved them. */
  recoveryCodes: string[] | null;
  showRecoveryCodes(codes: string[] | null): void;
  load(): Promise<void>;
  /** Core answered that this terminal cannot go on (revoked from the venue, venue database to upgrade): only the blocked screen is shown. */
  block(error: AppError): void;
  setSession(session: SessionView): void;
  /** First-run setup finished: the new account is signed in and setup is no longer pending. */
  setupDone(session: SessionView): void;
  refresh(reason?: AppError['code']): Promise<void>;
  /** Signs this window out (every screen's "Sign out"); the sign-in screen follows even if core cannot be reached. */
  signOut(): Promise<void>;
  /** "Lock now": locks this terminal at once; the lock screen follows. The work on screen is kept for after unlocking. */
  lockNow(): Promise<void>;
  /** Core ended the session on purpose (e.g. a restore): back to sign-in with this notice. */
  signedOutWith(notice: LocalText | string): void;
  navigate(route: Route): void;
}

export const useSession = create<SessionState>((set, get) => ({
  info: null,
  blocked: null,
  session: { state: 'signedOut' },
  notice: null,
  route: null,
  lockedByHand: false,
  recoveryCodes: null,

  showRecoveryCodes(codes) {
    set({ recoveryCodes: codes });
  },

  async load() {
    const bridge = window.boxOffice;
    if (!bridge) {
      const outside = text('common.startup.outsideBoxOffice');
      set({ blocked: { code: 'INTERNAL', message: tNow(outside.key), text: outside } });
      return;
    }
    const info = await bridge.app.info();
    if (!info.ok) {
      set({ blocked: info.error });
      return;
    }
    const status = await bridge.auth.status();
    set({ info: info.value, blocked: null, session: status.ok ? status.value : { state: 'signedOut' } });
  },

  block(error) {
    if (get().blocked?.code !== error.code) set({ blocked: error });
  },

  setSession(session) {
    set({ session, notice: null, lockedByHand: false });
  },

  setupDone(session) {
    const info = get().info;
    set({ session, notice: null, info: info && { ...info, setupPending: false } });
  },

  async refresh(reason) {
    const status = await window.boxOffice?.auth.status();
    if (status && !status.ok && (status.error.code === 'TERMINAL_REVOKED' || status.error.code === 'VENUE_UPGRADE_REQUIRED')) get().block(status.error);
    if (!status?.ok) return;
    const view = status.value;
    const wasIn = get().session.state !== 'signedOut';
    let notice: LocalText | null = null;
    if (view.state === 'signedOut' && wasIn) {
      notice = text(
        view.reason === 'expired' || reason === 'SESSION_EXPIRED'
          ? 'signIn.notice.expired'
          : view.reason === 'idle'
            ? 'signIn.notice.idle'
            : view.reason === 'secondFactorTimeout'
              ? 'signIn.notice.secondFactorTimeout'
              : 'signIn.notice.signedOut',
      );
    }
    set({ session: view, notice: notice ?? get().notice });
  },

  async signOut() {
    const result = await window.boxOffice?.auth.signOut();
    set({ session: result?.ok ? result.value : { state: 'signedOut' }, notice: null });
  },

  async lockNow() {
    const result = await window.boxOffice?.auth.lockNow();
    if (result?.ok) set({ session: result.value, notice: null, lockedByHand: result.value.state === 'locked' });
    // Refused (the session ended meanwhile, the terminal was revoked): whatever core says now.
    else await get().refresh(result?.error.code);
  },

  signedOutWith(notice) {
    set({ session: { state: 'signedOut' }, notice, route: null });
  },

  navigate(route) {
    set({ route });
  },
}));
