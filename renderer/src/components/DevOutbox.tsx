import { useEffect, useState } from 'react';
import { useFormat, useT } from '../i18n';
import { call } from '../state/api';
import { rich, slot } from './rich';

type Message = { to: string; body: string; at: number };

/**
 * For developers only: with BOX_OFFICE_DEV_OUTBOX=1 and no real SMS gateway, the texts "sent" are
 * shown here. Otherwise core answers NOT_FOUND and nothing is shown.
 */
export function DevOutbox() {
  const t = useT();
  const f = useFormat();
  const [messages, setMessages] = useState<Message[] | null>(null);
  useEffect(() => {
    let stopped = false;
    const poll = async () => {
      const result = await call((a) => a.dev.smsOutbox());
      if (stopped) return;
      if (!result.ok) return setMessages(null);
      setMessages(result.value.slice(0, 3));
      setTimeout(poll, 2_000);
    };
    void poll();
    return () => {
      stopped = true;
    };
  }, []);
  if (!messages) return null;
  return (
    <aside className="dev-outbox" aria-label={t('signIn.devOutbox.label')}>
      {rich(t('signIn.devOutbox.intro', { title: slot('title'), file: 'sms-outbox.jsonl' }), { title: <strong>{t('signIn.devOutbox.title')}</strong> })}
      {messages.length === 0 ? (
        <p className="muted">{t('signIn.devOutbox.none')}</p>
      ) : (
        <ul>
          {messages.map((m) => (
            <li key={`${m.at}-${m.body}`}>
              {f.date(m.at, 'time')} → <span translate="no">{`${m.to}: ${m.body}`}</span>
            </li>
          ))}
        </ul>
      )}
    </aside>
  );
}
