import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { BackupFileView, BackupProgressView, VenueBackupAdvice } from '../../../../shared/backup-views';
import { Alert } from '../../components/Alert';
import { DangerNote } from '../../components/DangerNote';
import { Field } from '../../components/Field';
import { SensitiveFields, useSensitive } from '../../components/SensitiveFields';
import { errorText, useFormat, useT, type Translate } from '../../i18n';
import { call } from '../../state/api';
import { useSession } from '../../state/session-store';
import { usePlain } from './plain';

type Message = { tone: 'error' | 'info'; text: string } | null;

/** "1.5 MB", "12 kB", in the reader's language (`t` plain when the size goes into another message). */
export const backupSize = (t: Translate, bytes: number) =>
  bytes >= 1_048_576 ? t('admin.backup.sizeMb', { mb: bytes / 1_048_576 }) : t('admin.backup.sizeKb', { kb: Math.max(1, Math.round(bytes / 1024)) });

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
  const t = useT();
  const plain = usePlain();
  if (!progress) return null;
  const counted = progress.total > 0;
  const percent = counted ? Math.floor((100 * progress.done) / progress.total) : null;
  const step = plain.t('admin.backup.step', { step: progress.step });
  const label = percent === null ? t('admin.backup.progressUncounted', { step }) : t('admin.backup.progressPercent', { step, percent });
  return (
    <div className="stack" role="status" aria-live="polite">
      <span>{label}</span>
      <progress aria-label={t('admin.backup.step', { step: progress.step })} max={counted ? progress.total : undefined} value={counted ? progress.done : undefined} />
    </div>
  );
}

/**
 * "Back up" while the app runs, and restore a chosen backup after a check and the admin's password. On a
 * venue database (PostgreSQL) backups are the database's own tools: the commands are shown instead.
 */
export function BackupPanel() {
  const t = useT();
  const plain = usePlain();
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
    setMessage({ tone: 'info', text: t('admin.backup.busy') });
    const result = await call((a) => a.backup.create(directory.trim() ? { directory: directory.trim() } : {}));
    setBusy(false);
    setMessage(
      result.ok
        ? { tone: 'info', text: t('admin.backup.done', { path: result.value.path, size: backupSize(plain.t, result.value.bytes) }) }
        : { tone: 'error', text: errorText(result.error) },
    );
    await load();
  }

  if (venue) return <VenueBackup advice={venue} />;

  return (
    <div className="stack">
      <section className="panel" aria-labelledby="backup-title">
        <h1 id="backup-title">{t('admin.backup.title')}</h1>
        <p className="muted">{t('admin.backup.lead')}</p>
        {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
        {busy ? <BackupProgress progress={progress} /> : null}
        <form className="inline-form" onSubmit={backUp} noValidate>
          <Field
            label={t('admin.backup.folder')}
            name="backupFolder"
            translate="no"
            value={directory}
            onChange={(e) => setDirectory(e.target.value)}
            placeholder={folder}
            hint={t('admin.backup.folderHint')}
          />
          <button type="submit" className="button button--primary" disabled={busy}>
            {t('admin.backup.submit')}
          </button>
        </form>
      </section>
      <RestoreSection files={files} />
    </div>
  );
}

function VenueBackup({ advice }: { advice: VenueBackupAdvice }) {
  const t = useT();
  return (
    <section className="panel" aria-labelledby="backup-title">
      <h1 id="backup-title">{t('admin.backup.venueTitle')}</h1>
      {/* Core's `advice.message` says the same in English only: the words are the catalogue's. */}
      <p>{t('admin.backup.venueAdvice')}</p>
      <h2 id="venue-backup-title">{t('admin.backup.venueBackUp')}</h2>
      <pre aria-labelledby="venue-backup-title" className="code-block" tabIndex={0} translate="no">
        <code>{advice.backupCommand}</code>
      </pre>
      <h2 id="venue-restore-title">{t('admin.backup.venueRestore')}</h2>
      <p className="muted">{t('admin.backup.venueRestoreNote')}</p>
      <pre aria-labelledby="venue-restore-title" className="code-block" tabIndex={0} translate="no">
        <code>{advice.restoreCommand}</code>
      </pre>
    </section>
  );
}

function RestoreSection({ files }: { files: BackupFileView[] }) {
  const t = useT();
  const f = useFormat();
  const signedOutWith = useSession((s) => s.signedOutWith);
  const [path, setPath] = useState('');
  const [password, setPassword] = useState('');
  const [message, setMessage] = useState<Message>(null);
  const [busy, setBusy] = useState(false);
  const progress = useBackupProgress(busy);
  // Restore asks her password every time; when she has a second factor, its code too once her last proof is old, and a supervisor when the institution says so.
  const sensitive = useSensitive('restore', { ownPasswordAsked: true });

  async function restore(event: FormEvent) {
    event.preventDefault();
    if (!sensitive.validate()) return;
    // The consequence in words, before anything changes.
    if (!window.confirm(t('admin.restore.confirm'))) return;
    setBusy(true);
    setMessage({ tone: 'info', text: t('admin.restore.checking') });
    const result = await call((a) => a.backup.restore({ path: path.trim(), password, ...sensitive.input() }));
    setBusy(false);
    setPassword('');
    if (!result.ok) {
      if (await sensitive.place(result.error)) return setMessage(null);
      return setMessage({ tone: 'error', text: errorText(result.error) });
    }
    // Everybody, this session included, was signed out.
    const { restoredFrom, operators, tickets, safetyCopy } = result.value;
    signedOutWith(t('admin.restore.done', { file: restoredFrom, operators, tickets, safetyCopy }));
  }

  return (
    <section className="panel" aria-labelledby="restore-title">
      <h2 id="restore-title">{t('admin.restore.title')}</h2>
      <DangerNote>
        <p>
          <strong>{t('admin.restore.warning')}</strong> {t('admin.restore.safetyCopy')}
        </p>
      </DangerNote>
      {files.length ? (
        <table className="table" aria-label={t('admin.restore.table')}>
          <thead>
            <tr>
              <th scope="col">{t('admin.restore.col.file')}</th>
              <th scope="col">{t('admin.restore.col.made')}</th>
              <th scope="col">{t('admin.restore.col.size')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('admin.restore.col.choose')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {files.map((file) => (
              <tr key={file.path}>
                <td translate="no">{file.fileName}</td>
                <td>{f.date(file.modifiedAt, 'dateTime')}</td>
                <td>{backupSize(t, file.bytes)}</td>
                <td className="row-actions">
                  <button type="button" className="button button--small" aria-label={t('admin.restore.chooseFile', { file: file.fileName })} onClick={() => setPath(file.path)}>
                    {t('admin.restore.choose')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">{t('admin.restore.none')}</p>
      )}
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      {busy ? <BackupProgress progress={progress} /> : null}
      <form onSubmit={restore} noValidate>
        <Field label={t('admin.restore.path')} name="restorePath" translate="no" value={path} onChange={(e) => setPath(e.target.value)} hint={t('admin.restore.pathHint')} />
        <Field label={t('admin.restore.password')} name="restorePassword" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
        <SensitiveFields sensitive={sensitive} />
        <button type="submit" className="button button--danger" disabled={busy || !path.trim()}>
          {t('admin.restore.submit')}
        </button>
      </form>
    </section>
  );
}
