import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { BackupFileView, BackupProgressView, VenueBackupAdvice } from '../../../../shared/backup-views';
import { Alert } from '../../components/Alert';
import { DangerNote } from '../../components/DangerNote';
import { Field } from '../../components/Field';
import { call } from '../../state/api';
import { useSession } from '../../state/session-store';

type Message = { tone: 'error' | 'info'; text: string } | null;

const size = (bytes: number) => (bytes >= 1_048_576 ? `${(bytes / 1_048_576).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} kB`);
const when = (ms: number) => new Date(ms).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

const STEP_NAMES: Record<BackupProgressView['step'], string> = {
  copying: 'Copying',
  checking: 'Checking the backup (integrity, references)',
  safetyCopy: 'Keeping a safety copy of the current data',
  replacing: 'Replacing the data',
};

/**
 * While `busy`, asks core every 300 ms how far the backup or restore is (both transports only answer
 * calls, so the screen asks rather than being told). A failed ask (a restore signs everybody out part-way)
 * only leaves the last figure shown.
 */
function useBackupProgress(busy: boolean): BackupProgressView | null {
  const [progress, setProgress] = useState<BackupProgressView | null>(null);
  useEffect(() => {
    if (!busy) {
      setProgress(null);
      return undefined;
    }
    let stopped = false;
    const ask = async () => {
      const result = await call((a) => a.backup.progress());
      if (!stopped && result.ok && result.value.progress) setProgress(result.value.progress);
    };
    const timer = setInterval(() => void ask(), 300);
    void ask();
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [busy]);
  return progress;
}

/** The step under way and, for a copy, its share done. */
function BackupProgress({ progress }: { progress: BackupProgressView | null }) {
  if (!progress) return null;
  const counted = progress.total > 0;
  const percent = counted ? Math.floor((100 * progress.done) / progress.total) : null;
  const label = `${STEP_NAMES[progress.step]}${percent === null ? '…' : `: ${percent} %`}`;
  return (
    <div className="stack" role="status" aria-live="polite">
      <span>{label}</span>
      <progress aria-label={STEP_NAMES[progress.step]} max={counted ? progress.total : undefined} value={counted ? progress.done : undefined} />
    </div>
  );
}

/**
 * "Back up" while the app runs, and restore a chosen backup after a check and the admin's password. On a
 * venue database (PostgreSQL) backups are the database's own tools: the commands are shown instead.
 */
export function BackupPanel() {
  const [folder, setFolder] = useState('');
  const [files, setFiles] = useState<BackupFileView[]>([]);
  const [venue, setVenue] = useState<VenueBackupAdvice | null>(null);
  const [directory, setDirectory] = useState('');
  const [message, setMessage] = useState<Message>(null);
  const [busy, setBusy] = useState(false);
  const progress = useBackupProgress(busy);

  const load = useCallback(async () => {
    const result = await call((a) => a.backup.list());
    if (result.ok) {
      setFolder(result.value.folder);
      setFiles(result.value.files);
      setVenue(result.value.venueDatabase);
    }
  }, []);
  useEffect(() => void load(), [load]);

  async function backUp(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setMessage({ tone: 'info', text: 'Backing up…' });
    const result = await call((a) => a.backup.create(directory.trim() ? { directory: directory.trim() } : {}));
    setBusy(false);
    setMessage(result.ok ? { tone: 'info', text: `Backed up to ${result.value.path} (${size(result.value.bytes)}).` } : { tone: 'error', text: result.error.message });
    await load();
  }

  if (venue) return <VenueBackup advice={venue} />;

  return (
    <div className="stack">
      <section className="panel" aria-labelledby="backup-title">
        <h1 id="backup-title">Back up</h1>
        <p className="muted">A consistent copy of all data, taken while Box Office keeps running. Secrets stay in this computer's keychain: a backup restores only here.</p>
        {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
        {busy ? <BackupProgress progress={progress} /> : null}
        <form className="inline-form" onSubmit={backUp} noValidate>
          <Field label="Folder (optional)" name="backupFolder" value={directory} onChange={(e) => setDirectory(e.target.value)} placeholder={folder} hint="Empty: the backups folder. Or the full path of a folder, e.g. a USB stick." />
          <button type="submit" className="button button--primary" disabled={busy}>
            Back up now
          </button>
        </form>
      </section>
      <RestoreSection files={files} />
    </div>
  );
}

function VenueBackup({ advice }: { advice: VenueBackupAdvice }) {
  return (
    <section className="panel" aria-labelledby="backup-title">
      <h1 id="backup-title">Back up and restore</h1>
      <p>{advice.message}</p>
      <h2 id="venue-backup-title">Back up the venue database</h2>
      <pre aria-labelledby="venue-backup-title" className="code-block" tabIndex={0}>
        <code>{advice.backupCommand}</code>
      </pre>
      <h2 id="venue-restore-title">Restore it</h2>
      <p className="muted">Stop Box Office on every terminal first; everybody signs in again afterwards.</p>
      <pre aria-labelledby="venue-restore-title" className="code-block" tabIndex={0}>
        <code>{advice.restoreCommand}</code>
      </pre>
    </section>
  );
}

const RESTORE_CONSEQUENCE =
  'Restore this backup?\n\nEverything changed since this backup was made is lost — orders imported, tickets issued or reissued, gate scans, operators and settings — and everybody is signed out.\n\nThe current data is kept as a safety copy.';

function RestoreSection({ files }: { files: BackupFileView[] }) {
  const signedOutWith = useSession((s) => s.signedOutWith);
  const [path, setPath] = useState('');
  const [password, setPassword] = useState('');
  const [message, setMessage] = useState<Message>(null);
  const [busy, setBusy] = useState(false);
  const progress = useBackupProgress(busy);

  async function restore(event: FormEvent) {
    event.preventDefault();
    // The consequence in words, before anything changes.
    if (!window.confirm(RESTORE_CONSEQUENCE)) return;
    setBusy(true);
    setMessage({ tone: 'info', text: 'Checking the backup…' });
    const result = await call((a) => a.backup.restore({ path: path.trim(), password }));
    setBusy(false);
    setPassword('');
    if (!result.ok) return setMessage({ tone: 'error', text: result.error.message });
    // Everybody, this session included, was signed out.
    signedOutWith(`Restored from ${result.value.restoredFrom} (${result.value.operators} operators, ${result.value.tickets} tickets). The previous data is kept in ${result.value.safetyCopy}. Sign in again.`);
  }

  return (
    <section className="panel" aria-labelledby="restore-title">
      <h2 id="restore-title">Restore</h2>
      <DangerNote>
        <p>
          <strong>Everything changed since the backup was made is lost, and everybody is signed out.</strong> The current data is kept as a safety copy.
        </p>
      </DangerNote>
      {files.length ? (
        <table className="table" aria-label="Backups">
          <thead>
            <tr>
              <th scope="col">File</th>
              <th scope="col">Made</th>
              <th scope="col">Size</th>
              <th scope="col">
                <span className="visually-hidden">Choose</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {files.map((f) => (
              <tr key={f.path}>
                <td>{f.fileName}</td>
                <td>{when(f.modifiedAt)}</td>
                <td>{size(f.bytes)}</td>
                <td className="row-actions">
                  <button type="button" className="button button--small" aria-label={`Choose ${f.fileName}`} onClick={() => setPath(f.path)}>
                    Choose
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">No backup in the backups folder yet. You can still restore one from elsewhere by its full path.</p>
      )}
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      {busy ? <BackupProgress progress={progress} /> : null}
      <form onSubmit={restore} noValidate>
        <Field label="Backup file to restore" name="restorePath" value={path} onChange={(e) => setPath(e.target.value)} hint="Checked first: a backup from a newer version, a damaged file or one from another computer is refused and nothing changes." />
        <Field label="Your password" name="restorePassword" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
        <button type="submit" className="button button--danger" disabled={busy || !path.trim()}>
          Restore this backup
        </button>
      </form>
    </section>
  );
}
