import { useEffect, useState } from 'react';
import { call } from '../state/api';

type Message = { to: string; body: string; at: number };

/**
 * For developers only: with BOX_OFFICE_DEV_OUTBOX=1 and no real SMS gateway, the texts "sent" are
 * shown here. Otherwise core answers NOT_FOUND and nothing is shown.
 */
export function DevOutbox() {
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
    <aside className="dev-outbox" aria-label="Developer SMS outbox">
      <strong>Developer outbox</strong> — text messages written to sms-outbox.jsonl:
      {messages.length === 0 ? (
        <p className="muted">None yet.</p>
      ) : (
        <ul>
          {messages.map((m) => (
            <li key={`${m.at}-${m.body}`}>
              {new Date(m.at).toLocaleTimeString()} → {m.to}: {m.body}
            </li>
          ))}
        </ul>
      )}
    </aside>
  );
}
