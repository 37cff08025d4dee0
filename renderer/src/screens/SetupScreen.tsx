import { useId, useState, type ChangeEvent, type FormEvent } from 'react';
import type { AppError } from '../../../shared/result';
import type { TerminalKind } from '../../../shared/venue-views';
import { Alert } from '../components/Alert';
import { Brand } from '../components/Brand';
import { Field } from '../components/Field';
import { PasswordChecklist } from '../components/PasswordChecklist';
import { TerminalKindSelect } from '../components/TerminalKindSelect';
import { useCommonPassword } from '../components/useCommonPassword';
import { call } from '../state/api';
import { useSession } from '../state/session-store';

type Errors = Partial<Record<'login' | 'displayName' | 'password' | 'confirm' | 'form', string>>;

type Mode = 'local' | 'create' | 'join' | 'recover';

const MODES: { mode: Mode; label: string; description: string }[] = [
  { mode: 'local', label: 'This computer only', description: 'Orders, accounts and scans are kept on this computer alone.' },
  { mode: 'create', label: 'Create a venue', description: 'The first terminal of a venue: its desks and gates share one PostgreSQL database.' },
  { mode: 'join', label: 'Join a venue', description: 'Another terminal already works on the venue: an admin there gives you a join code.' },
  {
    mode: 'recover',
    label: 'Recover a venue',
    description: "Every terminal of the venue was lost: join again with the venue key file an admin exported and the database owner's password.",
  },
];

/**
 * First run. On this computer (SQLite) it first asks how the terminal works: on its own (the first
 * account is created here), as the first terminal of a new venue, joined to an existing venue, or
 * joined again to a venue whose terminals were all lost (with the exported venue key). On a
 * venue database with no account yet, it creates the venue's first account.
 */
export function SetupScreen() {
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
        <h1 id="setup-title">Set up Box Office</h1>
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
  const id = useId();
  return (
    <fieldset className="choice choice--4 setup-modes">
      <legend>How this computer works</legend>
      {MODES.map((m) => (
        <label key={m.mode} className={`choice__option${mode === m.mode ? ' is-selected' : ''}`}>
          <span className="choice__head">
            <input type="radio" name="setupMode" value={m.mode} checked={mode === m.mode} onChange={() => onChange(m.mode)} aria-labelledby={`${id}-${m.mode}`} aria-describedby={`${id}-${m.mode}-text`} />
            <strong id={`${id}-${m.mode}`}>{m.label}</strong>
          </span>
          <span id={`${id}-${m.mode}-text`}>{m.description}</span>
        </label>
      ))}
    </fieldset>
  );
}

/** The first account (service team + administrator), signed in at once. */
function FirstAccountForm({ venue, autoFocus }: { venue: boolean; autoFocus: boolean }) {
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
    if (password !== confirm) return setErrors({ confirm: 'The two passwords are not the same. Type the password again.' });
    setBusy(true);
    setErrors({});
    const result = await call((a) => a.setup.createFirstAccount({ login, displayName, password }));
    setBusy(false);
    if (result.ok) return setupDone(result.value);
    const field = result.error.field as keyof Errors | undefined;
    setErrors({ [field && ['login', 'displayName', 'password'].includes(field) ? field : 'form']: result.error.message });
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="setup-title">
      <p className="lead">
        {venue
          ? 'This creates the first account of the venue: every desk and gate of the venue signs in with its accounts. It belongs to the service team and is an administrator: it can create the operators who work at the counter and add terminals. There is no default account.'
          : 'This creates the first account on this computer. It belongs to the service team and is an administrator: it can create the operators who work at the counter. There is no default account.'}
      </p>
      {errors.form ? <Alert>{errors.form}</Alert> : null}
      <div className="grid-2">
        <Field label="Login" name="login" autoComplete="username" autoFocus={autoFocus} required value={login} onChange={(e) => setLogin(e.target.value)} error={errors.login} hint="Letters, digits and . _ - @. Not case-sensitive: Anna and anna are the same login." />
        <Field label="Full name" name="displayName" autoComplete="name" required value={displayName} onChange={(e) => setDisplayName(e.target.value)} error={errors.displayName} />
      </div>
      <Field label="Password" name="password" type="password" autoComplete="new-password" required value={password} onChange={(e) => setPassword(e.target.value)} error={errors.password} />
      <PasswordChecklist password={password} policy={info.passwordPolicy} common={common} />
      <Field label="Confirm password" name="confirm" type="password" autoComplete="new-password" required value={confirm} onChange={(e) => setConfirm(e.target.value)} error={errors.confirm} />
      <button type="submit" className="button button--primary button--block" disabled={busy}>
        {busy ? 'Creating account…' : 'Create account'}
      </button>
    </form>
  );
}

/** Sorts an error answer to the field it names (or the one it is about), else to the form. */
function placeError<F extends string>(error: AppError, fields: readonly F[], fallback: Partial<Record<AppError['code'], F>> = {}): Partial<Record<F | 'form', string>> {
  const field = error.field && (fields as readonly string[]).includes(error.field) ? (error.field as F) : fallback[error.code];
  return { [field ?? 'form']: error.message } as Partial<Record<F | 'form', string>>;
}

const CREATE_FIELDS = ['databaseUrl', 'ownerPassword', 'terminalName', 'kind'] as const;

/** The first terminal of a new venue: sets up the empty database with its owner's credentials, used once. */
/** The database's address with its owner's login, and the owner's password (used once, never kept): Create and Recover ask the same. */
function OwnerFields(p: {
  databaseUrl: string;
  onDatabaseUrl: (value: string) => void;
  ownerPassword: string;
  onOwnerPassword: (value: string) => void;
  errors: { databaseUrl?: string | undefined; ownerPassword?: string | undefined };
}) {
  return (
    <>
      <Field
        label="Venue database address"
        name="databaseUrl"
        autoComplete="off"
        spellCheck={false}
        placeholder="postgres://host/boxoffice"
        value={p.databaseUrl}
        onChange={(e) => p.onDatabaseUrl(e.target.value)}
        error={p.errors.databaseUrl}
        hint="With the owner's login if it is not yours: postgres://owner@host/boxoffice. Leave the password out of the address."
      />
      <Field label="Database owner's password" name="ownerPassword" type="password" autoComplete="off" value={p.ownerPassword} onChange={(e) => p.onOwnerPassword(e.target.value)} error={p.errors.ownerPassword} />
    </>
  );
}

function CreateVenueForm() {
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
      <p className="lead">
        Enter the address of an empty PostgreSQL database for the venue. Box Office sets it up, then you create the venue&apos;s first account
        here. The database owner&apos;s password is used once, to set up the database, and is not kept.
      </p>
      {errors.form ? <Alert>{errors.form}</Alert> : null}
      <OwnerFields databaseUrl={databaseUrl} onDatabaseUrl={setDatabaseUrl} ownerPassword={ownerPassword} onOwnerPassword={setOwnerPassword} errors={errors} />
      <div className="grid-2">
        <Field label="This terminal's name" name="terminalName" autoComplete="off" value={terminalName} onChange={(e) => setTerminalName(e.target.value)} error={errors.terminalName} hint="As the venue's list of terminals shows it, e.g. Desk 1." />
        <TerminalKindSelect value={kind} onChange={setKind} error={errors.kind} />
      </div>
      <button type="submit" className="button button--primary button--block" disabled={busy}>
        {busy ? 'Creating the venue…' : 'Create the venue'}
      </button>
    </form>
  );
}

const JOIN_FIELDS = ['databaseUrl', 'code'] as const;

/** Another terminal of an existing venue, with the one-time join code an admin shows on a joined terminal. */
function JoinVenueForm() {
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
      <p className="lead">
        On a terminal that already works on the venue, an admin opens Admin → Terminals and adds this one: it shows the venue database address
        and a join code, valid once for 15 minutes.
      </p>
      {errors.form ? <Alert>{errors.form}</Alert> : null}
      <Field
        label="Venue database address"
        name="databaseUrl"
        autoComplete="off"
        spellCheck={false}
        placeholder="postgres://host/boxoffice"
        value={databaseUrl}
        onChange={(e) => setDatabaseUrl(e.target.value)}
        error={errors.databaseUrl}
      />
      <Field
        label="Join code"
        name="joinCode"
        className="join-code-input"
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        placeholder="XXXX-XXXX-…"
        value={code}
        onChange={(e) => setCode(e.target.value)}
        error={errors.code}
        hint="Eight groups of four letters and digits. Dashes and spaces are optional."
      />
      <button type="submit" className="button button--primary button--block" disabled={busy}>
        {busy ? 'Joining the venue…' : 'Join the venue'}
      </button>
    </form>
  );
}

/** The largest venue key file read here (the channel takes no more): the file an admin exports is well under 1 kB. */
const KEY_FILE_MAX_BYTES = 10_000;
const KEY_FILE_TOO_LARGE = 'That file is larger than 10 kB: it is not a venue key file. Choose the .json file an admin exported.';

const RECOVER_FIELDS = ['databaseUrl', 'ownerPassword', 'keyFile', 'passphrase', 'terminalName', 'kind'] as const;

/**
 * Disaster recovery, when no terminal of the venue works any more: the venue key file an admin exported
 * (Admin → Terminals), its passphrase and the database owner's password (used once) join this terminal as a new one.
 */
function RecoverVenueForm() {
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
      if (file && file.size > KEY_FILE_MAX_BYTES) next.keyFile = KEY_FILE_TOO_LARGE;
      return next;
    });
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (keyFile && keyFile.size > KEY_FILE_MAX_BYTES) return setErrors({ keyFile: KEY_FILE_TOO_LARGE });
    setBusy(true);
    setErrors({});
    let keyText = '';
    if (keyFile) {
      try {
        keyText = await keyFile.text();
      } catch {
        setBusy(false);
        return setErrors({ keyFile: 'The file could not be read. Choose it again.' });
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
      <p className="lead">
        Only when no terminal of the venue works any more. This terminal joins the venue as a new one with the venue key file an admin exported
        from Admin → Terminals, its passphrase, and the database owner&apos;s password, which is used once and not kept. Then sign in with a venue
        account.
      </p>
      {errors.form ? <Alert>{errors.form}</Alert> : null}
      <OwnerFields databaseUrl={databaseUrl} onDatabaseUrl={setDatabaseUrl} ownerPassword={ownerPassword} onOwnerPassword={setOwnerPassword} errors={errors} />
      <Field label="Venue key file" name="keyFile" type="file" accept=".json,application/json" onChange={chooseFile} error={errors.keyFile} hint="The .json file saved when an admin exported the venue key (up to 10 kB)." />
      <Field label="Key file passphrase" name="passphrase" type="password" autoComplete="off" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} error={errors.passphrase} />
      <div className="grid-2">
        <Field label="This terminal's name" name="terminalName" autoComplete="off" value={terminalName} onChange={(e) => setTerminalName(e.target.value)} error={errors.terminalName} hint="As the venue's list of terminals shows it, e.g. Desk 1." />
        <TerminalKindSelect value={kind} onChange={setKind} error={errors.kind} />
      </div>
      <button type="submit" className="button button--primary button--block" disabled={busy}>
        {busy ? 'Recovering the venue…' : 'Recover the venue'}
      </button>
    </form>
  );
}
