import { useId, useState, type ReactNode } from 'react';
import { DEFAULT_PASSWORD_POLICY } from '../../../shared/password-rules';
import { useT } from '../i18n';
import { call } from '../state/api';
import { useSession } from '../state/session-store';
import { generateOneTimePassword, groupsOfFour } from './one-time-password';

interface Props {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  hint?: ReactNode;
  error?: string | null;
  autoFocus?: boolean;
}

/**
 * The one-time password an administrator hands over in person: typed, or generated (strong, and free of look-alike
 * characters); shown in clear on demand, and a generated one in groups of four for reading it out.
 */
export function OneTimePasswordField({ label, name, value, onChange, hint, error, autoFocus }: Props) {
  const t = useT();
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const readoutId = `${id}-readout`;
  const storedPolicy = useSession((s) => s.info?.passwordPolicy);
  const [shown, setShown] = useState(false);
  const [generated, setGenerated] = useState<string | null>(null);
  const readOut = shown && generated !== null && generated === value;
  const describedBy = [readOut ? readoutId : null, hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;

  async function generate() {
    // The policy as it is now (an administrator may just have raised the minimum length).
    const info = await call((a) => a.app.info());
    const password = generateOneTimePassword(info.ok ? info.value.passwordPolicy : (storedPolicy ?? DEFAULT_PASSWORD_POLICY));
    setGenerated(password);
    setShown(true);
    onChange(password);
  }

  return (
    <div className={`field otp-field${error ? ' field--error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <div className="otp-field__row">
        <input
          id={id}
          name={name}
          type={shown ? 'text' : 'password'}
          className={shown ? 'otp-field__input otp-field__input--shown' : 'otp-field__input'}
          autoComplete="new-password"
          autoCapitalize="off"
          autoCorrect="off"
          spellCheck={false}
          autoFocus={autoFocus}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
        <button type="button" className="button button--small otp-field__toggle" aria-pressed={shown} aria-controls={id} onClick={() => setShown(!shown)}>
          <span className="otp-field__toggle-mark" aria-hidden="true">
            {shown ? '✓' : ''}
          </span>
          {t('common.oneTimePassword.show')}
        </button>
      </div>
      <div className="otp-field__actions">
        <button type="button" className="button button--small" onClick={() => void generate()}>
          {t('common.oneTimePassword.generate')}
        </button>
      </div>
      <div aria-live="polite">
        {readOut ? (
          <div className="otp-readout" id={readoutId}>
            <span className="otp-readout__label">{t('common.oneTimePassword.readOut')}</span>{' '}
            <span className="otp-readout__groups" translate="no">{groupsOfFour(generated).join(' ')}</span>
            <span className="otp-readout__note">{t('common.oneTimePassword.lookAlikes')}</span>
          </div>
        ) : null}
      </div>
      {hint ? (
        <div className="field__hint" id={hintId}>
          {hint}
        </div>
      ) : null}
      {error ? (
        <div className="field__error" id={errorId} role="alert">
          {error}
        </div>
      ) : null}
    </div>
  );
}
