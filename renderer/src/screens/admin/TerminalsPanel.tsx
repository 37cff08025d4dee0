import { useCallback, useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import type { JoinCodeView, TerminalKind, TerminalView } from '../../../../shared/venue-views';
import { Alert } from '../../components/Alert';
import { Field } from '../../components/Field';
import { Modal } from '../../components/Modal';
import { TerminalKindSelect } from '../../components/TerminalKindSelect';
import { useCountdown } from '../../components/useCountdown';
import { errorText, useFormat, useT, type Translate } from '../../i18n';
import { call } from '../../state/api';
import { useLiveChange } from '../../state/live';
import { useSession } from '../../state/session-store';
import { usePlain } from './plain';

type Message = { tone: 'error' | 'info'; text: string } | null;

/** "4 min 05 s", "42 s": the time a join code has left. */
const wait = (t: Translate, seconds: number) =>
  seconds >= 60 ? t('admin.joinCode.waitMinutes', { minutes: Math.floor(seconds / 60), seconds: String(seconds % 60).padStart(2, '0') }) : t('admin.joinCode.waitSeconds', { seconds });

/**
 * The desks and gates of the venue: who joined them and when, when each was last seen, and revoking one.
 * A new terminal joins with a one-time code shown here; the venue key is exported here for disaster recovery.
 * On this computer alone there is nothing to list.
 */
export function TerminalsPanel() {
  const t = useT();
  const engine = useSession((s) => s.info?.store.engine);
  if (engine !== 'postgres') {
    return (
      <section className="panel" aria-labelledby="terminals-title">
        <h1 id="terminals-title">{t('admin.terminals.title')}</h1>
        <p className="lead">{t('admin.terminals.alone')}</p>
      </section>
    );
  }
  return <VenueTerminals />;
}

function VenueTerminals() {
  const t = useT();
  const f = useFormat();
  const plain = usePlain();
  const [terminals, setTerminals] = useState<TerminalView[] | null>(null);
  const [message, setMessage] = useState<Message>(null);
  const [revoking, setRevoking] = useState<TerminalView | null>(null);
  const [joinCode, setJoinCode] = useState<JoinCodeView | null>(null);

  const load = useCallback(async () => {
    const result = await call((a) => a.venue.terminals());
    if (result.ok) setTerminals(result.value.terminals);
    else setMessage({ tone: 'error', text: errorText(result.error) });
  }, []);
  useEffect(() => void load(), [load]);
  // A terminal joined or was revoked elsewhere.
  useLiveChange((c) => c.kind === 'terminals', () => void load());

  return (
    <div className="stack">
      <section className="panel" aria-labelledby="terminals-title">
        <h1 id="terminals-title">{t('admin.terminals.title')}</h1>
        <p className="muted">{t('admin.terminals.lead')}</p>
        {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
        {terminals ? (
          <table className="table">
            <caption className="visually-hidden">{t('admin.terminals.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.terminals.col.name')}</th>
                <th scope="col">{t('admin.terminals.col.kind')}</th>
                <th scope="col">{t('admin.terminals.col.joined')}</th>
                <th scope="col">{t('admin.terminals.col.lastSeen')}</th>
                <th scope="col">{t('admin.terminals.col.status')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('admin.terminals.col.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {terminals.map((x) => (
                <tr key={x.id}>
                  <td translate="no">{x.name}</td>
                  <td>{t('admin.terminals.kind', { kind: x.kind })}</td>
                  <td>{x.joinedBy ? t('admin.terminals.joinedBy', { date: plain.date(x.joinedAt, 'dateTime'), login: x.joinedBy }) : f.date(x.joinedAt, 'dateTime')}</td>
                  <td>{x.lastSeenAt ? f.recent(x.lastSeenAt) : t('admin.terminals.notYet')}</td>
                  <td>
                    {x.revokedAt ? (
                      <span className="status-bad">
                        {x.revokedBy
                          ? t('admin.terminals.revokedOnBy', { date: plain.date(x.revokedAt, 'dateTime'), login: x.revokedBy })
                          : t('admin.terminals.revokedOn', { date: plain.date(x.revokedAt, 'dateTime') })}
                      </span>
                    ) : (
                      <span className="status-on">{t('admin.terminals.active')}</span>
                    )}
                    {x.thisTerminal ? <span className="badge badge--info">{t('admin.terminals.thisTerminal')}</span> : null}
                  </td>
                  <td>
                    {!x.thisTerminal && !x.revokedAt ? (
                      <div className="row-actions">
                        <button type="button" className="button button--small button--danger" aria-label={t('admin.terminals.revokeOf', { name: x.name })} onClick={() => setRevoking(x)}>
                          {t('admin.terminals.revoke')}
                        </button>
                      </div>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : message ? null : (
          <p role="status">{t('admin.terminals.loading')}</p>
        )}
      </section>
      <AddTerminal joinCode={joinCode} onCode={setJoinCode} />
      <ExportVenueKey />
      {revoking ? (
        <RevokeDialog
          terminal={revoking}
          onClose={() => setRevoking(null)}
          onDone={(list) => {
            setTerminals(list);
            setMessage({ tone: 'info', text: t('admin.terminals.revoked', { name: revoking.name }) });
            setRevoking(null);
          }}
        />
      ) : null}
    </div>
  );
}

function RevokeDialog({ terminal, onDone, onClose }: { terminal: TerminalView; onDone: (terminals: TerminalView[]) => void; onClose: () => void }) {
  const t = useT();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function revoke() {
    setBusy(true);
    setError(null);
    const result = await call((a) => a.venue.revokeTerminal({ terminalId: terminal.id }));
    setBusy(false);
    if (result.ok) return onDone(result.value.terminals);
    setError(errorText(result.error));
  }

  return (
    <Modal title={t('admin.revoke.title', { name: terminal.name })} onClose={onClose}>
      <p className="lead">{t('admin.revoke.lead', { name: terminal.name, kind: terminal.kind })}</p>
      <p className="muted">{t('admin.revoke.again')}</p>
      {error ? <Alert>{error}</Alert> : null}
      <div className="actions">
        <button type="button" className="button button--danger" disabled={busy} onClick={() => void revoke()}>
          {t(busy ? 'admin.revoke.busy' : 'admin.revoke.submit')}
        </button>
        <button type="button" className="button" onClick={onClose}>
          {t('admin.revoke.cancel')}
        </button>
      </div>
    </Modal>
  );
}

function AddTerminal({ joinCode, onCode }: { joinCode: JoinCodeView | null; onCode: (code: JoinCodeView | null) => void }) {
  const t = useT();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<TerminalKind>('desk');
  const [error, setError] = useState<{ message: string; field?: string | undefined } | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const result = await call((a) => a.venue.addTerminal({ name, kind }));
    setBusy(false);
    if (!result.ok) return setError({ message: errorText(result.error), field: result.error.field });
    setName('');
    onCode(result.value);
  }

  const fieldError = (field: string) => (error?.field === field ? error.message : null);
  return (
    <section className="panel" aria-labelledby="add-terminal-title">
      <h2 id="add-terminal-title">{t('admin.addTerminal.title')}</h2>
      <p className="muted">{t('admin.addTerminal.lead')}</p>
      <form onSubmit={submit} noValidate>
        {error && !['name', 'kind'].includes(error.field ?? '') ? <Alert>{error.message}</Alert> : null}
        <div className="grid-2">
          <Field
            label={t('admin.addTerminal.name')}
            name="newTerminalName"
            autoComplete="off"
            value={name}
            onChange={(e) => setName(e.target.value)}
            error={fieldError('name')}
            hint={t('admin.addTerminal.nameHint')}
          />
          <TerminalKindSelect value={kind} onChange={setKind} error={fieldError('kind')} />
        </div>
        <button type="submit" className="button button--primary" disabled={busy}>
          {t(busy ? 'admin.addTerminal.busy' : 'admin.addTerminal.submit')}
        </button>
      </form>
      {joinCode ? <JoinCodePanel code={joinCode} onHide={() => onCode(null)} /> : null}
    </section>
  );
}

/** The code as text and QR code (an SVG document shown as an image: the page's policy allows data: images only), with its time left. */
function JoinCodePanel({ code, onHide }: { code: JoinCodeView; onHide: () => void }) {
  const t = useT();
  const titleId = useId();
  const left = useCountdown(code.expiresAt);
  const panel = useRef<HTMLElement>(null);
  // A new code is what the admin came for: bring it into view, and the focus with it (screen readers read its name).
  useEffect(() => {
    panel.current?.scrollIntoView({ block: 'nearest' });
    panel.current?.focus();
  }, [code.code]);
  const qr = useMemo(() => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(code.qrSvg)}`, [code.qrSvg]);
  const expired = left === 0;
  return (
    <section ref={panel} tabIndex={-1} className={`join-code${expired ? ' join-code--expired' : ''}`} aria-labelledby={titleId}>
      <h3 id={titleId}>{t('admin.joinCode.title', { name: code.name })}</h3>
      <p>{t('admin.joinCode.lead')}</p>
      <div className="join-code__body">
        <img className="join-code__qr" src={qr} alt={t('admin.joinCode.qrAlt')} width={220} height={220} />
        <dl className="join-code__facts">
          <dt>{t('admin.joinCode.code')}</dt>
          <dd>
            <code className="join-code__code" aria-label={t('admin.joinCode.code')} translate="no">
              {code.code}
            </code>
          </dd>
          <dt>{t('admin.joinCode.address')}</dt>
          <dd>
            <code className="join-code__address" aria-label={t('admin.joinCode.address')} translate="no">
              {code.databaseAddress}
            </code>
          </dd>
          <dt>{t('admin.joinCode.timeLeft')}</dt>
          <dd className="countdown">{expired ? t('admin.joinCode.expired') : wait(t, left)}</dd>
        </dl>
      </div>
      <button type="button" className="button" onClick={onHide}>
        {t('admin.joinCode.hide')}
      </button>
    </section>
  );
}

type ExportErrors = Partial<Record<'password' | 'passphrase' | 'again' | 'form', string>>;

/**
 * The venue key as a file sealed with a passphrase, for `venue.recover` when every terminal is lost. Asks the
 * admin's own password every time. The file is handed to the download at once, and stays offered as a link
 * (keyboard users, a download the browser held back) until the next export or until the panel closes.
 */
function ExportVenueKey() {
  const t = useT();
  const [password, setPassword] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [errors, setErrors] = useState<ExportErrors>({});
  const [busy, setBusy] = useState(false);
  const [file, setFile] = useState<{ url: string; fileName: string } | null>(null);
  // The object URL of the last export, released when a new export is made or the panel closes.
  const objectUrl = useRef<string | null>(null);
  const release = useCallback(() => {
    if (objectUrl.current) URL.revokeObjectURL(objectUrl.current);
    objectUrl.current = null;
  }, []);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      release();
    };
  }, [release]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (passphrase !== again) return setErrors({ again: t('admin.venueKey.notSame') });
    setBusy(true);
    setErrors({});
    setFile(null);
    release();
    const result = await call((a) => a.venue.exportKey({ password, passphrase }));
    // The panel was closed meanwhile: no file is offered (and no object URL is left behind).
    if (!mounted.current) return;
    setBusy(false);
    if (!result.ok) {
      const field = result.error.field;
      const place: keyof ExportErrors = field === 'password' || field === 'passphrase' ? field : result.error.code === 'AUTH_INVALID' ? 'password' : 'form';
      return setErrors({ [place]: errorText(result.error) });
    }
    const { fileName, content } = result.value;
    const url = URL.createObjectURL(new Blob([content], { type: 'application/json' }));
    objectUrl.current = url;
    setFile({ url, fileName });
    setPassword('');
    setPassphrase('');
    setAgain('');
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    link.hidden = true;
    document.body.append(link);
    link.click();
    link.remove();
  }

  return (
    <section className="panel" aria-labelledby="venue-key-title">
      <h2 id="venue-key-title">{t('admin.venueKey.title')}</h2>
      <p className="muted">{t('admin.venueKey.lead')}</p>
      <form onSubmit={submit} noValidate>
        {errors.form ? <Alert>{errors.form}</Alert> : null}
        <Field label={t('admin.venueKey.password')} name="venueKeyPassword" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} error={errors.password} />
        <div className="grid-2">
          <Field
            label={t('admin.venueKey.passphrase')}
            name="venueKeyPassphrase"
            type="password"
            autoComplete="new-password"
            value={passphrase}
            onChange={(e) => setPassphrase(e.target.value)}
            error={errors.passphrase}
            hint={t('admin.venueKey.passphraseHint')}
          />
          <Field label={t('admin.venueKey.again')} name="venueKeyPassphraseAgain" type="password" autoComplete="new-password" value={again} onChange={(e) => setAgain(e.target.value)} error={errors.again} />
        </div>
        <button type="submit" className="button button--primary" disabled={busy}>
          {t(busy ? 'admin.venueKey.busy' : 'admin.venueKey.submit')}
        </button>
      </form>
      {file ? (
        <div className="venue-key-file">
          <Alert tone="info">{t('admin.venueKey.exported')}</Alert>
          <a className="button" href={file.url} download={file.fileName}>
            {t('admin.venueKey.download', { file: file.fileName })}
          </a>
        </div>
      ) : null}
    </section>
  );
}
