import { useCallback, useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import type { JoinCodeView, TerminalKind, TerminalView } from '../../../../shared/venue-views';
import { Alert } from '../../components/Alert';
import { Field } from '../../components/Field';
import { Modal } from '../../components/Modal';
import { TERMINAL_KIND_LABELS, TerminalKindSelect } from '../../components/TerminalKindSelect';
import { formatWait, useCountdown } from '../../components/useCountdown';
import { call } from '../../state/api';
import { useLiveChange } from '../../state/live';
import { useSession } from '../../state/session-store';

type Message = { tone: 'error' | 'info'; text: string } | null;

const time = (ms: number) => new Date(ms).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/**
 * The desks and gates of the venue: who joined them and when, when each was last seen, and revoking one.
 * A new terminal joins with a one-time code shown here; the venue key is exported here for disaster recovery.
 * On this computer alone there is nothing to list.
 */
export function TerminalsPanel() {
  const engine = useSession((s) => s.info?.store.engine);
  if (engine !== 'postgres') {
    return (
      <section className="panel" aria-labelledby="terminals-title">
        <h1 id="terminals-title">Terminals</h1>
        <p className="lead">This computer works on its own. To share orders and accounts with other desks and gates, set up a venue (see docs/VENUE.md).</p>
      </section>
    );
  }
  return <VenueTerminals />;
}

function VenueTerminals() {
  const [terminals, setTerminals] = useState<TerminalView[] | null>(null);
  const [message, setMessage] = useState<Message>(null);
  const [revoking, setRevoking] = useState<TerminalView | null>(null);
  const [joinCode, setJoinCode] = useState<JoinCodeView | null>(null);

  const load = useCallback(async () => {
    const result = await call((a) => a.venue.terminals());
    if (result.ok) setTerminals(result.value.terminals);
    else setMessage({ tone: 'error', text: result.error.message });
  }, []);
  useEffect(() => void load(), [load]);
  // A terminal joined or was revoked elsewhere.
  useLiveChange((c) => c.kind === 'terminals', () => void load());

  return (
    <div className="stack">
      <section className="panel" aria-labelledby="terminals-title">
        <h1 id="terminals-title">Terminals</h1>
        <p className="muted">The desks and gates that work on this venue&apos;s database. A revoked terminal can no longer read or write anything, even with its stored login.</p>
        {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
        {terminals ? (
          <table className="table">
            <caption className="visually-hidden">Terminals of this venue</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Kind</th>
                <th scope="col">Joined</th>
                <th scope="col">Last seen</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {terminals.map((t) => (
                <tr key={t.id}>
                  <td>{t.name}</td>
                  <td>{TERMINAL_KIND_LABELS[t.kind]}</td>
                  <td>
                    {time(t.joinedAt)}
                    {t.joinedBy ? ` by ${t.joinedBy}` : ''}
                  </td>
                  <td>{t.lastSeenAt ? time(t.lastSeenAt) : 'Not yet'}</td>
                  <td>
                    {t.revokedAt ? (
                      <span className="status-bad">
                        Revoked on {time(t.revokedAt)}
                        {t.revokedBy ? ` by ${t.revokedBy}` : ''}
                      </span>
                    ) : (
                      <span className="status-on">Active</span>
                    )}
                    {t.thisTerminal ? <span className="badge badge--info">This terminal</span> : null}
                  </td>
                  <td>
                    {!t.thisTerminal && !t.revokedAt ? (
                      <div className="row-actions">
                        <button type="button" className="button button--small button--danger" aria-label={`Revoke ${t.name}`} onClick={() => setRevoking(t)}>
                          Revoke
                        </button>
                      </div>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : message ? null : (
          <p role="status">Loading terminals…</p>
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
            setMessage({ tone: 'info', text: `${revoking.name} was revoked: it can no longer use the venue's data.` });
            setRevoking(null);
          }}
        />
      ) : null}
    </div>
  );
}

function RevokeDialog({ terminal, onDone, onClose }: { terminal: TerminalView; onDone: (terminals: TerminalView[]) => void; onClose: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function revoke() {
    setBusy(true);
    setError(null);
    const result = await call((a) => a.venue.revokeTerminal({ terminalId: terminal.id }));
    setBusy(false);
    if (result.ok) return onDone(result.value.terminals);
    setError(result.error.message);
  }

  return (
    <Modal title={`Revoke ${terminal.name}?`} onClose={onClose}>
      <p className="lead">
        {terminal.name} ({TERMINAL_KIND_LABELS[terminal.kind].toLowerCase()}) is removed from the venue. It can no longer read or write the venue&apos;s data, even with its stored login; its
        open sessions end now.
      </p>
      <p className="muted">To use that computer again, leave the venue on it and add it again with a new join code.</p>
      {error ? <Alert>{error}</Alert> : null}
      <div className="actions">
        <button type="button" className="button button--danger" disabled={busy} onClick={() => void revoke()}>
          {busy ? 'Revoking…' : 'Revoke terminal'}
        </button>
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </Modal>
  );
}

function AddTerminal({ joinCode, onCode }: { joinCode: JoinCodeView | null; onCode: (code: JoinCodeView | null) => void }) {
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
    if (!result.ok) return setError({ message: result.error.message, field: result.error.field });
    setName('');
    onCode(result.value);
  }

  const fieldError = (field: string) => (error?.field === field ? error.message : null);
  return (
    <section className="panel" aria-labelledby="add-terminal-title">
      <h2 id="add-terminal-title">Add a terminal</h2>
      <p className="muted">A join code lets one more computer work on the venue, as a desk or a gate.</p>
      <form onSubmit={submit} noValidate>
        {error && !['name', 'kind'].includes(error.field ?? '') ? <Alert>{error.message}</Alert> : null}
        <div className="grid-2">
          <Field label="Terminal name" name="newTerminalName" autoComplete="off" value={name} onChange={(e) => setName(e.target.value)} error={fieldError('name')} hint="As the list shows it, e.g. Desk 2 or North gate." />
          <TerminalKindSelect value={kind} onChange={setKind} error={fieldError('kind')} />
        </div>
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? 'Creating join code…' : 'Create join code'}
        </button>
      </form>
      {joinCode ? <JoinCodePanel code={joinCode} onHide={() => onCode(null)} /> : null}
    </section>
  );
}

/** The code as text and QR code (an SVG document shown as an image: the page's policy allows data: images only), with its time left. */
function JoinCodePanel({ code, onHide }: { code: JoinCodeView; onHide: () => void }) {
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
      <h3 id={titleId}>Join code for {code.name}</h3>
      <p>On the new terminal choose Join a venue, then enter this address and code. The code works once, for 15 minutes.</p>
      <div className="join-code__body">
        <img className="join-code__qr" src={qr} alt="Join code as QR code" width={220} height={220} />
        <dl className="join-code__facts">
          <dt>Join code</dt>
          <dd>
            <code className="join-code__code" aria-label="Join code">
              {code.code}
            </code>
          </dd>
          <dt>Venue database address</dt>
          <dd>
            <code className="join-code__address" aria-label="Venue database address">
              {code.databaseAddress}
            </code>
          </dd>
          <dt>Time left</dt>
          <dd className="countdown">{expired ? 'None: this code has expired. Create a new one.' : formatWait(left)}</dd>
        </dl>
      </div>
      <button type="button" className="button" onClick={onHide}>
        Hide the join code
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
    if (passphrase !== again) return setErrors({ again: 'The two passphrases are not the same. Type the passphrase again.' });
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
      return setErrors({ [place]: result.error.message });
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
      <h2 id="venue-key-title">Venue key for disaster recovery</h2>
      <p className="muted">
        A revoked or stolen terminal still knows this key. Export it once and keep the file offline, apart from its passphrase: with the database owner&apos;s
        password it lets a new terminal rejoin if every terminal is lost.
      </p>
      <form onSubmit={submit} noValidate>
        {errors.form ? <Alert>{errors.form}</Alert> : null}
        <Field label="Your password" name="venueKeyPassword" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} error={errors.password} />
        <div className="grid-2">
          <Field
            label="Passphrase for the file"
            name="venueKeyPassphrase"
            type="password"
            autoComplete="new-password"
            value={passphrase}
            onChange={(e) => setPassphrase(e.target.value)}
            error={errors.passphrase}
            hint="At least 12 characters. Whoever has the file and the passphrase has the venue key."
          />
          <Field label="Passphrase again" name="venueKeyPassphraseAgain" type="password" autoComplete="new-password" value={again} onChange={(e) => setAgain(e.target.value)} error={errors.again} />
        </div>
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? 'Exporting…' : 'Export the venue key'}
        </button>
      </form>
      {file ? (
        <div className="venue-key-file">
          <Alert tone="info">The venue key was exported. Keep the file and its passphrase apart, offline.</Alert>
          <a className="button" href={file.url} download={file.fileName}>
            Download {file.fileName}
          </a>
        </div>
      ) : null}
    </section>
  );
}
