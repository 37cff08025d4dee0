import { useEffect, type ReactNode } from 'react';
import type { Permission } from '../../../shared/roles';
import type { ActiveSession } from '../../../shared/views';
import { Brand } from '../components/Brand';
import { EnrollmentGraceNotice } from '../components/EnrollmentGraceNotice';
import { useT, type MessageKey } from '../i18n';
import { AdminScreen } from './AdminScreen';
import { GateScreen } from './GateScreen';
import { OrdersScreen } from './orders/OrdersScreen';
import { MySecurityScreen } from './MySecurityScreen';
import { useLiveFeed } from '../state/live';
import { useSession, type Route } from '../state/session-store';

interface Section {
  route: Route;
  label: MessageKey;
  /** 'self': every signed-in role but the gate-only scanner, which reaches the gate and nothing else. */
  permission: Permission | 'self';
  render: () => ReactNode;
}

/** Every section of the signed-in app. A new screen is one entry here. */
const SECTIONS: Section[] = [
  { route: 'orders', label: 'orders.home.nav.orders', permission: 'orders.read', render: () => <OrdersScreen /> },
  { route: 'gate', label: 'orders.home.nav.gate', permission: 'gate.scan', render: () => <GateScreen /> },
  { route: 'admin', label: 'orders.home.nav.admin', permission: 'operators.manage', render: () => <AdminScreen /> },
  { route: 'security', label: 'orders.home.nav.security', permission: 'self', render: () => <MySecurityScreen /> },
];

const gateOnly = (session: ActiveSession) => session.operator.roles.every((r) => r === 'scanner');

/** On a kiosk core narrows the permissions to the gate and orders; one's own security settings stay at a desk. */
export const sectionsFor = (session: ActiveSession, kiosk: boolean) =>
  SECTIONS.filter((s) => (s.permission === 'self' ? !gateOnly(session) && !kiosk : session.permissions.includes(s.permission)));

/** Ctrl+Alt+L locks the terminal (not with AltGr, which types letters on many keyboards). */
const isLockShortcut = (e: KeyboardEvent) => e.ctrlKey && e.altKey && !e.shiftKey && !e.metaKey && e.code === 'KeyL' && !e.getModifierState('AltGraph');

export function HomeScreen({ session }: { session: ActiveSession }) {
  const { info, route, navigate, signOut, lockNow } = useSession();
  const t = useT();
  const kiosk = info?.kiosk ?? false;
  const sections = sectionsFor(session, kiosk);

  // "Lock now" from anywhere in the app, dialogs included. A kiosk has no lock: it signs out.
  useEffect(() => {
    if (kiosk) return;
    const onKey = (e: KeyboardEvent) => {
      if (!isLockShortcut(e) || e.repeat) return;
      e.preventDefault();
      void lockNow();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [kiosk, lockNow]);

  const roles = session.operator.roles.map((role) => t('orders.home.role', { role })).join(' · ');

  const current = sections.find((s) => s.route === route) ?? sections[0];
  // Changes made at other terminals of the venue, for the screens below to follow.
  // Only a venue has other terminals to hear from; this computer alone has nothing to wait for.
  useLiveFeed(info?.store.engine === 'postgres');

  return (
    <div className="shell">
      <header className="topbar">
        <Brand institution={info?.institution} />
        <nav aria-label={t('orders.home.nav.label')} className="topbar__nav">
          {sections.map((s) => (
            <button key={s.route} type="button" className="navlink" aria-current={s === current ? 'page' : undefined} onClick={() => navigate(s.route)}>
              {t(s.label)}
            </button>
          ))}
        </nav>
        <div className="topbar__who">
          <div className="who">
            <span className="who__name" translate="no">
              {session.operator.displayName}
            </span>
            <span className="who__meta">{info?.terminal ? t('orders.home.whoAtTerminal', { roles, terminal: info.terminal }) : roles}</span>
          </div>
          {kiosk ? null : (
            <button type="button" className="button button--ghost" title={t('orders.home.lockNow.title')} aria-keyshortcuts="Control+Alt+L" onClick={() => void lockNow()}>
              {t('orders.home.lockNow')}
            </button>
          )}
          <button type="button" className="button button--ghost" onClick={signOut}>
            {t('orders.home.signOut')}
          </button>
        </div>
      </header>
      <main className="content">
        <EnrollmentGraceNotice session={session} canSetUp={sections.some((s) => s.route === 'security')} />
        {current ? current.render() : <Placeholder title={t('orders.home.empty.title')} text={t('orders.home.empty.text')} />}
      </main>
    </div>
  );
}

function Placeholder({ title, text }: { title: string; text: string }) {
  const t = useT();
  return (
    <section className="panel" aria-labelledby="panel-title">
      <h1 id="panel-title">{title}</h1>
      <p className="lead">{text}</p>
      <p className="muted">{t('orders.home.empty.later')}</p>
    </section>
  );
}
