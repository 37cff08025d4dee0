import { useId, useState, type ChangeEvent, type FormEvent } from 'react';
import type { AppError } from '../../../shared/result';
import type { TerminalKind } from '../../../shared/venue-views';
import { Alert } from '../components/Alert';
import { Brand } from '../components/Brand';
import { Field } from '../components/Field';
import { PasswordChecklist } from '../components/PasswordChecklist';
import { TerminalKindSelect } from '../components/TerminalKindSelect';
import { useCommonPassword } from '../components/useCommonPassword';
import { errorText, useT, type MessageKey } from '../i18n';
import { call } from '../state/api';
import { useSession } from '../state/session-store';

type Errors = Partial<Record<'login' | 'displayName' | 'password' | 'confirm' | 'form', string>>;

type Mode = 'local' | 'create' | 'join' | 'recover';

const MODES: { mode: Mode; label: MessageKey; description: MessageKey }[] = [
  { mode: 'local', label: 'signIn.setup.mode.local', description: 'signIn.setup.mode.localText' },
  { mode: 'create', label: 'signIn.setup.mode.create', description: 'signIn.setup.mode.createText' },
  { mode: 'join', label: 'signIn.setup.mode.join', description: 'signIn.setup.mode.joinText' },
  { mode: 'recover', label: 'signIn.setup.mode.recover', description: 'signIn.setup.mode.recoverText' },
];

/**
 * First run. On this computer (SQLite) it first asks how the terminal works: on its own (the first
 * account is created here), as the first terminal of a new venue, joined to an existing venue, or
 * joined again to a venue whose terminals were all lost (with the exported venue key). On a
 * venue database with no account yet, it creates the venue's first account.
 */
export function SetupScreen() {
  const t = useT();
  const info = useSession((s) => s.info)!;
  const [mode, setMode] = useState<Mode>('local');
  // Once the operator picks a way, the focus stays on the choice (arrow keys move through it).
  const [picked, setPicked] = useState(false);
  const choose = info.store.engine === 'sqlite';
  const current = choose ? mode : 'local';

  return (
    <main className="card-page">
      <section className="card card--wide" aria-labelledby="setup-title">
        <Brand />
        <h1 id="setup-title">{t('signIn.setup.title')}</h1>
        {choose ? (
          <ModeChooser
            mode={mode}
            onChange={(next) => {
              setPicked(true);
              setMode(next);
            }}
          />
        ) : null}
        {current === 'local' ? <FirstAccountForm venue={info.store.engine === 'postgres'} autoFocus={!picked} /> : null}
        {current === 'create' ? <CreateVenueForm /> : null}
        {current === 'join' ? <JoinVenueForm /> : null}
        {current === 'recover' ? <RecoverVenueForm /> : null}
      </section>
    </main>
  );
}

function ModeChooser({ mode, onChange }: { mode: Mode; onChange: (mode: Mode) => void }) {
  const t = useT();
  const id = useId();
  return (
    <fieldset className="choice choice--4 setup-modes">
      <legend>{t('signIn.setup.modes')}</legend>
      {MODES.map((m) => (
        <label key={m.mode} className={`choice__option${mode === m.mode ? ' is-selected' : ''}`}>
          <span className="choice__head">
            <input type="radio" name="setupMode" value={m.mode} checked={mode === m.mode} onChange={() => onChange(m.mode)} aria-labelledby={`${id}-${m.mode}`} aria-describedby={`${id}-${m.mode}-text`} />
            <strong id={`${id}-${m.mode}`}>{t(m.label)}</strong>
          </span>
          <span id={`${id}-${m.mode}-text`}>{t(m.description)}</span>
        </label>
      ))}
    </fieldset>
  );
}

/** The first account (service team + administrator), signed in at once. */
function FirstAccountForm({ venue, autoFocus }: { venue: boolean; autoFocus: boolean }) {
  const t = useT();
  const info = useSession((s) => s.info)!;
  const setupDone = useSession((s) => s.setupDone);
  const [login, setLogin] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);

  const common = useCommonPassword(password);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (password !== confirm) return setErrors({ confirm: t('signIn.setup.mismatch') });
    setBusy(true);
    setErrors({});
    const result = await call((a) => a.setup.createFirstAccount({ login, displayName, password }));
    setBusy(false);
    if (result.ok) return setupDone(result.value);
    const field = result.error.field as keyof Errors | undefined;
    setErrors({ [field && ['login', 'displayName', 'password'].includes(field) ? field : 'form']: errorText(result.error) });
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="setup-title">
      <p className="lead">{venue ? t('signIn.setup.leadVenue') : t('signIn.setup.leadLocal')}</p>
      {errors.form ? <Alert>{errors.form}</Alert> : null}
      <div className="grid-2">
        <Field
          label={t('signIn.fields.login')}
          name="login"
          autoComplete="username"
          autoFocus={autoFocus}
          required
          value={login}
          onChange={(e) => setLogin(e.target.value)}
          error={errors.login}
          hint={t('signIn.setup.loginHint')}
        />
        <Field label={t('signIn.setup.fullName')} name="displayName" autoComplete="name" required value={displayName} onChange={(e) => setDisplayName(e.target.value)} error={errors.displayName} />
      </div>
      <Field label={t('signIn.fields.password')} name="password" type="password" autoComplete="new-password" required value={password} onChange={(e) => setPassword(e.target.value)} error={errors.password} />
      <PasswordChecklist password={password} policy={info.passwordPolicy} common={common} />
      <Field label={t('signIn.setup.confirmPassword')} name="confirm" type="password" autoComplete="new-password" required value={confirm} onChange={(e) => setConfirm(e.target.value)} error={errors.confirm} />
      <button type="submit" className="button button--primary button--block" disabled={busy}>
        {busy ? t('signIn.setup.creatingAccount') : t('signIn.setup.createAccount')}
      </button>
    </form>
  );
}

/** Sorts an error answer to the field it names (or the one it is about), else to the form. */
function placeError<F extends string>(error: AppError, fields: readonly F[], fallback: Partial<Record<AppError['code'], F>> = {}): Partial<Record<F | 'form', string>> {
  const field = error.field && (fields as readonly string[]).includes(error.field) ? (error.field as F) : fallback[error.code];
  return { [field ?? 'form']: errorText(error) } as Partial<Record<F | 'form', string>>;
}

const CREATE_FIELDS = ['databaseUrl', 'ownerPassword', 'terminalName', 'kind'] as const;

/** The first terminal of a new venue: sets up the empty database with its owner's credentials, used once. */
/** The database's address with its owner's login, and the owner's password (used once, never kept): Create and Recover ask the same. */
/** This terminal's name and kind: the same pair when a venue is created and when it is recovered. */
function TerminalFields(p: { name: string; onName: (value: string) => void; kind: TerminalKind; onKind: (kind: TerminalKind) => void; errors: { terminalName?: string; kind?: string } }) {
  const t = useT();
  return (
    <div className="grid-2">
      <Field
        label={t('signIn.setup.terminalName')}
        name="terminalName"
        autoComplete="off"
        value={p.name}
        onChange={(e) => p.onName(e.target.value)}
        error={p.errors.terminalName}
        hint={t('signIn.setup.terminalNameHint')}
      />
      <TerminalKindSelect value={p.kind} onChange={p.onKind} error={p.errors.kind} />
    </div>
  );
}

function OwnerFields(p: {
  databaseUrl: string;
  onDatabaseUrl: (value: string) => void;
  ownerPassword: string;
  onOwnerPassword: (value: string) => void;
  errors: { databaseUrl?: string | undefined; ownerPassword?: string | undefined };
}) {
  const t = useT();
  return (
    <>
      <Field
        label={t('signIn.setup.databaseUrl')}
        name="databaseUrl"
        autoComplete="off"
        spellCheck={false}
        placeholder={t('signIn.setup.databaseUrlPlaceholder')}
        value={p.databaseUrl}
        onChange={(e) => p.onDatabaseUrl(e.target.value)}
        error={p.errors.databaseUrl}
        hint={t('signIn.setup.databaseUrlHint')}
      />
      <Field label={t('signIn.setup.ownerPassword')} name="ownerPassword" type="password" autoComplete="off" value={p.ownerPassword} onChange={(e) => p.onOwnerPassword(e.target.value)} error={p.errors.ownerPassword} />
    </>
  );
}

function CreateVenueForm() {
  const t = useT();
  const load = useSession((s) => s.load);
  const [databaseUrl, setDatabaseUrl] = useState('');
  const [ownerPassword, setOwnerPassword] = useState('');
  const [terminalName, setTerminalName] = useState('');
  const [kind, setKind] = useState<TerminalKind>('desk');
  const [errors, setErrors] = useState<Partial<Record<(typeof CREATE_FIELDS)[number] | 'form', string>>>({});
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setErrors({});
    const result = await call((a) => a.venue.create({ databaseUrl, ownerPassword, terminalName, kind }));
    if (result.ok) {
      setOwnerPassword('');
      // The terminal now starts on the venue: its first account is set up next, on the venue database.
      await load();
      return;
    }
    setBusy(false);
    setErrors(placeError(result.error, CREATE_FIELDS));
  }

  return (
    <form onSubmit={submit} noValidate>
      <p className="lead">{t('signIn.setup.createLead')}</p>
      {errors.form ? <Alert>{errors.form}</Alert> : null}
      <OwnerFields databaseUrl={databaseUrl} onDatabaseUrl={setDatabaseUrl} ownerPassword={ownerPassword} onOwnerPassword={setOwnerPassword} errors={errors} />
      <TerminalFields name={terminalName} onName={setTerminalName} kind={kind} onKind={setKind} errors={errors} />
      <button type="submit" className="button button--primary button--block" disabled={busy}>
        {busy ? t('signIn.setup.creatingVenue') : t('signIn.setup.createVenue')}
      </button>
    </form>
  );
}

const JOIN_FIELDS = ['databaseUrl', 'code'] as const;

/** Another terminal of an existing venue, with the one-time join code an admin shows on a joined terminal. */
function JoinVenueForm() {
  const t = useT();
  const load = useSession((s) => s.load);
  const [databaseUrl, setDatabaseUrl] = useState('');
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<Partial<Record<(typeof JOIN_FIELDS)[number] | 'form', string>>>({});
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setErrors({});
    const result = await call((a) => a.venue.join({ databaseUrl, code }));
    if (result.ok) {
      setCode('');
      // The terminal now starts on the venue: sign in with a venue account.
      await load();
      return;
    }
    setBusy(false);
    setErrors(placeError(result.error, JOIN_FIELDS, { JOIN_REFUSED: 'code' }));
  }

  return (
    <form onSubmit={submit} noValidate>
      <p className="lead">{t('signIn.setup.joinLead')}</p>
      {errors.form ? <Alert>{errors.form}</Alert> : null}
      <Field
        label={t('signIn.setup.databaseUrl')}
        name="databaseUrl"
        autoComplete="off"
        spellCheck={false}
        placeholder={t('signIn.setup.databaseUrlPlaceholder')}
        value={databaseUrl}
        onChange={(e) => setDatabaseUrl(e.target.value)}
        error={errors.databaseUrl}
      />
      <Field
        label={t('signIn.setup.joinCode')}
        name="joinCode"
        className="join-code-input"
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        placeholder={t('signIn.setup.joinCodePlaceholder')}
        value={code}
        onChange={(e) => setCode(e.target.value)}
        error={errors.code}
        hint={t('signIn.setup.joinCodeHint')}
      />
      <button type="submit" className="button button--primary button--block" disabled={busy}>
        {busy ? t('signIn.setup.joiningVenue') : t('signIn.setup.joinVenue')}
      </button>
    </form>
  );
}

/** The largest venue key file read here (the channel takes no more): the file an admin exports is well under 1 kB. */
const KEY_FILE_MAX_BYTES = 10_000;

const RECOVER_FIELDS = ['databaseUrl', 'ownerPassword', 'keyFile', 'passphrase', 'terminalName', 'kind'] as const;

/**
 * Disaster recovery, when no terminal of the venue works any more: the venue key file an admin exported
 * (Admin → Terminals), its passphrase and the database owner's password (used once) join this terminal as a new one.
 */
function RecoverVenueForm() {
  const t = useT();
  const load = useSession((s) => s.load);
  const [databaseUrl, setDatabaseUrl] = useState('');
  const [ownerPassword, setOwnerPassword] = useState('');
  const [keyFile, setKeyFile] = useState<File | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [terminalName, setTerminalName] = useState('');
  const [kind, setKind] = useState<TerminalKind>('desk');
  const [errors, setErrors] = useState<Partial<Record<(typeof RECOVER_FIELDS)[number] | 'form', string>>>({});
  const [busy, setBusy] = useState(false);

  // Refused at once, and again on submitting: a large file is never read nor sent.
  function chooseFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0] ?? null;
    setKeyFile(file);
    setErrors((previous) => {
      const next = { ...previous };
      delete next.keyFile;
      if (file && file.size > KEY_FILE_MAX_BYTES) next.keyFile = t('signIn.setup.keyFileTooLarge');
      return next;
    });
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (keyFile && keyFile.size > KEY_FILE_MAX_BYTES) return setErrors({ keyFile: t('signIn.setup.keyFileTooLarge') });
    setBusy(true);
    setErrors({});
    let keyText = '';
    if (keyFile) {
      try {
        keyText = await keyFile.text();
      } catch {
        setBusy(false);
        return setErrors({ keyFile: t('signIn.setup.keyFileUnreadable') });
      }
    }
    // With no file chosen, the empty text gets the channel's own answer ("Choose the venue key file.") next to the field.
    const result = await call((a) => a.venue.recover({ databaseUrl, ownerPassword, keyFile: keyText, passphrase, terminalName, kind }));
    if (result.ok) {
      setOwnerPassword('');
      setPassphrase('');
      // The terminal now starts on the venue: sign in with a venue account.
      await load();
      return;
    }
    setBusy(false);
    setErrors(placeError(result.error, RECOVER_FIELDS, { AUTH_INVALID: 'ownerPassword' }));
  }

  return (
    <form onSubmit={submit} noValidate>
      <p className="lead">{t('signIn.setup.recoverLead')}</p>
      {errors.form ? <Alert>{errors.form}</Alert> : null}
      <OwnerFields databaseUrl={databaseUrl} onDatabaseUrl={setDatabaseUrl} ownerPassword={ownerPassword} onOwnerPassword={setOwnerPassword} errors={errors} />
      <Field
        label={t('signIn.setup.keyFile')}
        name="keyFile"
        type="file"
        accept=".json,application/json"
        onChange={chooseFile}
        error={errors.keyFile}
        hint={t('signIn.setup.keyFileHint')}
      />
      <Field label={t('signIn.setup.passphrase')} name="passphrase" type="password" autoComplete="off" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} error={errors.passphrase} />
      <TerminalFields name={terminalName} onName={setTerminalName} kind={kind} onKind={setKind} errors={errors} />
      <button type="submit" className="button button--primary button--block" disabled={busy}>
        {busy ? t('signIn.setup.recoveringVenue') : t('signIn.setup.recoverVenue')}
      </button>
    </form>
  );
}
