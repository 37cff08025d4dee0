import { useState } from 'react';
import { Alert } from '../components/Alert';
import { Brand } from '../components/Brand';
import { useT } from '../i18n';
import { useSession } from '../state/session-store';

/** Recovery codes are shown once: copy, print or save them before going on. */
export function RecoveryCodesScreen({ codes }: { codes: string[] }) {
  const t = useT();
  const { showRecoveryCodes, info } = useSession();
  const [copied, setCopied] = useState<string | null>(null);
  const title = info?.institution ? t('signIn.recoveryCodes.fileTitleFor', { institution: info.institution }) : t('signIn.recoveryCodes.fileTitle');
  const text = `${title}\n${t('signIn.recoveryCodes.fileNote')}\n\n${codes.join('\n')}\n`;

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(t('signIn.recoveryCodes.copied'));
    } catch {
      setCopied(t('signIn.recoveryCodes.copyRefused'));
    }
  }

  function save() {
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = 'box-office-recovery-codes.txt';
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  return (
    <main className="card-page">
      <section className="card card--wide printable" aria-labelledby="codes-title">
        <Brand />
        <h1 id="codes-title">{t('signIn.recoveryCodes.title')}</h1>
        <p className="lead">{t('signIn.recoveryCodes.lead')}</p>
        <ol className="codes" aria-label={t('signIn.recoveryCodes.list')}>
          {codes.map((code) => (
            <li key={code}>
              <code translate="no">{code}</code>
            </li>
          ))}
        </ol>
        {copied ? <Alert tone="info">{copied}</Alert> : null}
        <div className="actions no-print">
          <button type="button" className="button" onClick={copy}>
            {t('signIn.recoveryCodes.copy')}
          </button>
          <button type="button" className="button" onClick={() => window.print()}>
            {t('signIn.recoveryCodes.print')}
          </button>
          <button type="button" className="button" onClick={save}>
            {t('signIn.recoveryCodes.save')}
          </button>
          <button type="button" className="button button--primary" onClick={() => showRecoveryCodes(null)}>
            {t('signIn.recoveryCodes.saved')}
          </button>
        </div>
      </section>
    </main>
  );
}
