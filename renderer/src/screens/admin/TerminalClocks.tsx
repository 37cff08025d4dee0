import { useEffect, useState } from 'react';
import { terminalClockText, type TerminalClockView } from '../../../../shared/clock-views';
import { Alert } from '../../components/Alert';
import { useT } from '../../i18n';
import { call } from '../../state/api';
import { usePlain } from './plain';

/** Admin → Operators: the terminals whose clock looks off (their operators' authenticator codes may fail). Nothing when all are right. */
export function TerminalClocks() {
  const t = useT();
  const plain = usePlain();
  const [clocks, setClocks] = useState<TerminalClockView[]>([]);
  useEffect(() => {
    let current = true;
    void call((a) => a.clock.terminals()).then((result) => {
      if (current && result.ok) setClocks(result.value);
    });
    return () => {
      current = false;
    };
  }, []);
  if (clocks.length === 0) return null;
  return (
    <Alert tone="warning">
      <strong id="clocks-title">{t('clock.admin.title')}</strong>
      <p className="alert__lead">{t('clock.admin.lead')}</p>
      <ul className="attention-list" aria-labelledby="clocks-title">
        {clocks.map((c) => {
          const { key, values } = terminalClockText(c, plain.date(c.checkedAt, 'dateTime'));
          return <li key={c.terminal}>{t(key, values)}</li>;
        })}
      </ul>
    </Alert>
  );
}
