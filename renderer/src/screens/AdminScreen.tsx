import { useCallback, useEffect, useState } from 'react';
import type { LocalText } from '../../../shared/i18n/translator';
import type { MfaPolicyView, OperatorRow } from '../../../shared/mfa-views';
import type { Permission } from '../../../shared/roles';
import { errorText, useT, type MessageKey } from '../i18n';
import { call } from '../state/api';
import { useLiveChange } from '../state/live';
import { useSession } from '../state/session-store';
import { AuditPanel } from './AuditPanel';
import { DataPanel } from './DataPanel';
import { BackupPanel } from './admin/BackupPanel';
import { CreateOperatorForm } from './admin/CreateOperatorForm';
import { InstitutionPanel } from './admin/InstitutionPanel';
import { AttentionSummary } from './admin/AttentionSummary';
import { OperatorsPanel } from './admin/OperatorsPanel';
import { TerminalClocks } from './admin/TerminalClocks';
import { TerminalsPanel } from './admin/TerminalsPanel';
import { TwoStepPolicyPanel } from './admin/TwoStepPolicyPanel';
import { usePlain } from './admin/plain';

type Tab = 'operators' | 'terminals' | 'institution' | 'data' | 'audit';

const TABS: { tab: Tab; label: MessageKey; permission: Permission }[] = [
  { tab: 'operators', label: 'admin.tab.operators', permission: 'operators.manage' },
  { tab: 'terminals', label: 'admin.tab.terminals', permission: 'settings.manage' },
  { tab: 'institution', label: 'admin.tab.institution', permission: 'settings.manage' },
  { tab: 'data', label: 'admin.tab.data', permission: 'settings.manage' },
  { tab: 'audit', label: 'admin.tab.audit', permission: 'audit.read' },
];

/** Administration on the machine itself, with no network: one tab per job. */
export function AdminScreen() {
  const t = useT();
  const session = useSession((s) => s.session);
  const permissions = session.state === 'active' ? session.permissions : [];
  const tabs = TABS.filter((x) => permissions.includes(x.permission));
  const [tab, setTab] = useState<Tab>('operators');
  const current = tabs.find((x) => x.tab === tab) ?? tabs[0];

  return (
    <div className="stack">
      <nav aria-label={t('admin.nav.label')} className="subnav">
        {tabs.map((x) => (
          <button key={x.tab} type="button" className="subnav__tab" aria-current={x === current ? 'page' : undefined} onClick={() => setTab(x.tab)}>
            {t(x.label)}
          </button>
        ))}
      </nav>
      {current?.tab === 'operators' ? <OperatorsTab /> : null}
      {current?.tab === 'terminals' ? <TerminalsPanel /> : null}
      {current?.tab === 'institution' ? <InstitutionPanel /> : null}
      {current?.tab === 'data' ? (
        <>
          <BackupPanel />
          <DataPanel />
        </>
      ) : null}
      {current?.tab === 'audit' ? <AuditPanel /> : null}
    </div>
  );
}

function OperatorsTab() {
  const t = useT();
  const plain = usePlain();
  const [operators, setOperators] = useState<OperatorRow[]>([]);
  const [policy, setPolicy] = useState<MfaPolicyView | null>(null);
  const [message, setMessage] = useState<{ tone: 'error' | 'info'; text: string } | null>(null);

  const load = useCallback(async () => {
    const [list, pol] = await Promise.all([call((a) => a.operators.list()), call((a) => a.mfa.policy())]);
    if (list.ok) setOperators(list.value);
    if (pol.ok) setPolicy(pol.value);
  }, []);
  useEffect(() => void load(), [load]);
  // An admin at another terminal of the venue changed an operator.
  useLiveChange((c) => c.kind === 'operators', () => void load());

  async function act(label: string, request: () => Promise<{ ok: boolean; error?: { message: string; text?: LocalText } }>) {
    const result = await request();
    setMessage(result.ok ? { tone: 'info', text: label } : { tone: 'error', text: errorText(result.error!) });
    await load();
  }

  return (
    <>
      <AttentionSummary operators={operators} />
      <TerminalClocks />
      {policy ? <TwoStepPolicyPanel policy={policy} act={act} /> : null}
      <OperatorsPanel operators={operators} canGiveService={policy?.canSwitch ?? false} message={message} act={act} reload={() => void load()} />
      <CreateOperatorForm
        requiredByDefault={policy?.enabled ?? false}
        canGiveService={policy?.canSwitch ?? false}
        onCreated={(row) =>
          act(t('admin.operators.created', { name: row.displayName, login: row.login, until: plain.date(row.oneTimePasswordUntil ?? 0, 'dateTime') }), async () => ({ ok: true }))
        }
      />
    </>
  );
}
