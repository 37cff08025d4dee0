import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Alert } from '../components/Alert';
import { Field } from '../components/Field';
import { errorText, useT } from '../i18n';
import { call } from '../state/api';

/**
 * Leaving a kiosk: an administrator's login and password, checked and throttled in core.
 * One way back (Cancel, or Escape) beside the one way out (Close Box Office): no second "Close" button in the head,
 * which read as a rival to closing Box Office.
 */
export function KioskQuitDialog({ onClose }: { onClose: () => void }) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [closing, setClosing] = useState(false);

  useEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      dialog?.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await call((a) => a.kiosk.quit({ login, password }));
    setPassword('');
    if (result.ok) return setClosing(true);
    setError(errorText(result.error));
  }

  return (
    <dialog ref={ref} className="modal" aria-labelledby="kiosk-quit-title" onClose={onClose} onCancel={onClose}>
      <div className="modal__head">
        <h2 id="kiosk-quit-title">{t('signIn.kiosk.title')}</h2>
      </div>
      {closing ? (
        <p role="status" className="lead">
          {t('signIn.kiosk.closing')}
        </p>
      ) : (
        <form onSubmit={submit} noValidate>
          <p className="lead">{t('signIn.kiosk.lead')}</p>
          {error ? <Alert>{error}</Alert> : null}
          <Field label={t('signIn.kiosk.adminLogin')} name="adminLogin" autoComplete="off" autoFocus value={login} onChange={(e) => setLogin(e.target.value)} />
          <Field label={t('signIn.kiosk.adminPassword')} name="adminPassword" type="password" autoComplete="off" value={password} onChange={(e) => setPassword(e.target.value)} />
          <div className="actions">
            <button type="submit" className="button button--primary">
              {t('signIn.kiosk.quit')}
            </button>
            <button type="button" className="button" onClick={onClose}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}
