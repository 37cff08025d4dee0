import { useState } from 'react';
import { Alert } from '../components/Alert';
import { Brand } from '../components/Brand';
import { useSession } from '../state/session-store';

/** Recovery codes are shown once: copy, print or save them before going on. */
export function RecoveryCodesScreen({ codes }: { codes: string[] }) {
  const { showRecoveryCodes, info } = useSession();
  const [copied, setCopied] = useState<string | null>(null);
  const text = `Box Office recovery codes${info?.institution ? ` — ${info.institution}` : ''}\nEach code works once. Keep them somewhere safe.\n\n${codes.join('\n')}\n`;

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setCopied('Copied to the clipboard.');
    } catch {
      setCopied('Copying is not allowed here: select the codes and copy them, or save them as a file.');
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
        <h1 id="codes-title">Your recovery codes</h1>
        <p className="lead">If you lose your phone, each of these codes lets you sign in once. They are shown only now: copy, print or save them, and keep them away from this computer.</p>
        <ol className="codes" aria-label="Recovery codes">
          {codes.map((code) => (
            <li key={code}>
              <code>{code}</code>
            </li>
          ))}
        </ol>
        {copied ? <Alert tone="info">{copied}</Alert> : null}
        <div className="actions no-print">
          <button type="button" className="button" onClick={copy}>
            Copy
          </button>
          <button type="button" className="button" onClick={() => window.print()}>
            Print
          </button>
          <button type="button" className="button" onClick={save}>
            Save as text file
          </button>
          <button type="button" className="button button--primary" onClick={() => showRecoveryCodes(null)}>
            I have saved my recovery codes
          </button>
        </div>
      </section>
    </main>
  );
}
