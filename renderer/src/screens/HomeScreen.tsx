import { useEffect, type ReactNode } from 'react';
import type { Permission } from '../../../shared/roles';
import { ROLE_LABELS } from '../../../shared/roles';
import type { ActiveSession } from '../../../shared/views';
import { Brand } from '../components/Brand';
import { AdminScreen } from './AdminScreen';
import { GateScreen } from './GateScreen';
import { OrdersScreen } from './orders/OrdersScreen';
import { MySecurityScreen } from './MySecurityScreen';
import { useLiveFeed } from '../state/live';
import { useSession, type Route } from '../state/session-store';

interface Section {
  route: Route;
  label: string;
  /** 'self': every signed-in role but the gate-only scanner, which reaches the gate and nothing else. */
  permission: Permission | 'self';
  render: () => ReactNode;
}

/** Every section of the signed-in app. A new screen is one entry here. */
const SECTIONS: Section[] = [
  { route: 'orders', label: 'Orders', permission: 'orders.read', render: () => <OrdersScreen /> },
  { route: 'gate', label: 'Gate', permission: 'gate.scan', render: () => <GateScreen /> },
  { route: 'admin', label: 'Admin', permission: 'operators.manage', render: () => <AdminScreen /> },
  { route: 'security', label: 'My security', permission: 'self', render: () => <MySecurityScreen /> },
];

const gateOnly = (session: ActiveSession) => session.operator.roles.every((r) => r === 'scanner');

/** On a kiosk core narrows the permissions to the gate and orders; one's own security settings stay at a desk. */
export const sectionsFor = (session: ActiveSession, kiosk: boolean) =>
  SECTIONS.filter((s) => (s.permission === 'self' ? !gateOnly(session) && !kiosk : session.permissions.includes(s.permission)));

/** Ctrl+Alt+L locks the terminal (not with AltGr, which types letters on many keyboards). */
const isLockShortcut = (e: KeyboardEvent) => e.ctrlKey && e.altKey && !e.shiftKey && !e.metaKey && e.code === 'KeyL' && !e.getModifierState('AltGraph');

export function HomeScreen({ session }: { session: ActiveSession }) {
  const { info, route, navigate, signOut, lockNow } = useSession();
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

  const current = sections.find((s) => s.route === route) ?? sections[0];
  // Changes made at other terminals of the venue, for the screens below to follow.
  // Only a venue has other terminals to hear from; this computer alone has nothing to wait for.
  useLiveFeed(info?.store.engine === 'postgres');

  return (
    <div className="shell">
      <header className="topbar">
        <Brand institution={info?.institution} />
        <nav aria-label="Main" className="topbar__nav">
          {sections.map((s) => (
            <button key={s.route} type="button" className="navlink" aria-current={s === current ? 'page' : undefined} onClick={() => navigate(s.route)}>
              {s.label}
            </button>
          ))}
        </nav>
        <div className="topbar__who">
          <div className="who">
            <span className="who__name">{session.operator.displayName}</span>
            <span className="who__meta">
              {session.operator.roles.map((r) => ROLE_LABELS[r]).join(' · ')}
              {info?.terminal ? ` · ${info.terminal}` : ''}
            </span>
          </div>
          {kiosk ? null : (
            <button type="button" className="button button--ghost" title="Lock this terminal now; your password opens it again where you were (Ctrl+Alt+L)" aria-keyshortcuts="Control+Alt+L" onClick={() => void lockNow()}>
              Lock now
            </button>
          )}
          <button type="button" className="button button--ghost" onClick={signOut}>
            Sign out
          </button>
        </div>
      </header>
      <main className="content">{current ? current.render() : <Placeholder title="Nothing to show" text="Your role has no screen on this terminal. Ask an administrator." />}</main>
    </div>
  );
}

function Placeholder({ title, text }: { title: string; text: string }) {
  return (
    <section className="panel" aria-labelledby="panel-title">
      <h1 id="panel-title">{title}</h1>
      <p className="lead">{text}</p>
      <p className="muted">This screen arrives in a later release.</p>
    </section>
  );
}
