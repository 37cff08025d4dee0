/**
 * What a sensitive action's dialog asks besides its own fields, in one place: the acting operator's
 * step-up (her code again, or her password when she has no second factor) and a supervisor's approval
 * (login, password, code). The dialog asks core up front what is needed (`sensitive.check`), sends what
 * was typed with the action itself, and shows a refusal beside the field it is about. Core checks
 * again whatever this screen showed.
 */
import { useCallback, useEffect, useId, useState } from 'react';
import type { ApprovalMethod, StepUpMethod } from '../../../shared/contract/sensitive';
import type { AppError } from '../../../shared/result';
import type { SensitiveAction, SensitiveCheckView } from '../../../shared/sensitive-views';
import { errorText, tNow, useT } from '../i18n';
import { call } from '../state/api';
import { CodeField } from './CodeField';
import { Field } from './Field';

export interface SensitiveInput {
  stepUp?: { method: StepUpMethod; code: string };
  approval?: { login: string; password: string; method?: ApprovalMethod; code?: string };
}

type Slot = 'self' | 'login' | 'password' | 'code';
const APPROVAL_METHODS: readonly ApprovalMethod[] = ['totp', 'sms', 'recovery'];

export interface Sensitive {
  /** Null while core is asked (or when the action is not sensitive). */
  check: SensitiveCheckView | null;
  loading: boolean;
  askSelf: boolean;
  askApproval: boolean;
  self: { method: StepUpMethod; code: string };
  approval: { login: string; password: string; method: ApprovalMethod; code: string };
  errors: Partial<Record<Slot, string>>;
  notices: { self?: string; approval?: string };
  setSelf(next: Partial<Sensitive['self']>): void;
  setApproval(next: Partial<Sensitive['approval']>): void;
  /** Checks what was typed before anything is sent; false (errors shown) when something is missing. */
  validate(): boolean;
  /** The part of the action's input these fields give. */
  input(): SensitiveInput;
  /** A refusal of the action: shown beside its field (true), or left to the dialog (false). Asks core again what is needed. */
  place(error: AppError): Promise<boolean>;
  sendOwnSms(): Promise<void>;
  sendApprovalSms(): Promise<void>;
}

/**
 * `action` null: the dialog's action is not sensitive this time (a ticket nobody has yet), nothing is asked.
 * `ownPasswordAsked`: the dialog asks her password anyway (restore); without a second factor that is her step-up.
 */
export function useSensitive(action: SensitiveAction | null, { ownPasswordAsked = false }: { ownPasswordAsked?: boolean } = {}): Sensitive {
  const [check, setCheck] = useState<SensitiveCheckView | null>(null);
  const [loading, setLoading] = useState(action !== null);
  const [self, setSelfState] = useState<Sensitive['self']>({ method: 'totp', code: '' });
  const [approval, setApprovalState] = useState<Sensitive['approval']>({ login: '', password: '', method: 'totp', code: '' });
  const [errors, setErrors] = useState<Sensitive['errors']>({});
  const [notices, setNotices] = useState<Sensitive['notices']>({});

  const refresh = useCallback(async () => {
    if (!action) return;
    setLoading(true);
    const result = await call((a) => a.sensitive.check({ action }));
    setLoading(false);
    if (!result.ok) return;
    setCheck(result.value);
    const methods = result.value.stepUp.methods;
    setSelfState((s) => (methods.includes(s.method) ? s : { method: methods[0] ?? 'password', code: '' }));
  }, [action]);
  useEffect(() => void refresh(), [refresh]);

  const onlyPassword = check?.stepUp.methods.length === 1 && check.stepUp.methods[0] === 'password';
  const askSelf = action !== null && check !== null && check.stepUp.needed && !(ownPasswordAsked && onlyPassword);
  const askApproval = action !== null && check !== null && check.approval.needed;

  function validate(): boolean {
    const found: Sensitive['errors'] = {};
    if (askSelf && !self.code.trim()) found.self = tNow(self.method === 'password' ? 'stepUp.self.enterPassword' : 'stepUp.self.enterCode');
    if (askApproval && !approval.login.trim()) found.login = tNow('stepUp.approval.enterLogin');
    if (askApproval && !approval.password) found.password = tNow('stepUp.approval.enterPassword');
    setErrors(found);
    return Object.keys(found).length === 0;
  }

  function input(): SensitiveInput {
    return {
      ...(askSelf ? { stepUp: { method: self.method, code: self.code } } : {}),
      ...(askApproval
        ? { approval: { login: approval.login.trim(), password: approval.password, ...(approval.code.trim() ? { method: approval.method, code: approval.code.trim() } : {}) } }
        : {}),
    };
  }

  async function place(error: AppError): Promise<boolean> {
    const slot = slotOf(error);
    setErrors(slot ? { [slot]: errorText(error) } : {});
    // A code that was sent is used up or wrong either way: typed again, not sent again.
    if (slot === 'self') setSelfState((s) => ({ ...s, code: '' }));
    if (slot === 'code') setApprovalState((s) => ({ ...s, code: '' }));
    // The window may have passed while the dialog was open, or her proof just passed: ask core what is needed now.
    await refresh();
    return slot !== null;
  }

  async function sendOwnSms() {
    const result = await call((a) => a.sensitive.sendStepUpSms());
    setNotices((n) => ({ ...n, self: result.ok ? tNow('stepUp.smsSent', { to: result.value.sentTo }) : undefined }));
    setErrors((e) => ({ ...e, self: result.ok ? undefined : errorText(result.error) }));
  }

  async function sendApprovalSms() {
    if (!action) return;
    const missing: Sensitive['errors'] = {};
    if (!approval.login.trim()) missing.login = tNow('stepUp.approval.enterLogin');
    if (!approval.password) missing.password = tNow('stepUp.approval.enterPassword');
    if (Object.keys(missing).length) return setErrors(missing);
    const result = await call((a) => a.sensitive.sendApprovalSms({ action, login: approval.login.trim(), password: approval.password }));
    setNotices((n) => ({ ...n, approval: result.ok ? tNow('stepUp.smsSent', { to: result.value.sentTo }) : undefined }));
    setErrors(result.ok ? {} : { [slotOf(result.error) ?? 'code']: errorText(result.error) });
  }

  return {
    check,
    loading,
    askSelf,
    askApproval,
    self,
    approval,
    errors,
    notices,
    setSelf: (next) => setSelfState((s) => ({ ...s, ...next })),
    setApproval: (next) => setApprovalState((s) => ({ ...s, ...next })),
    validate,
    input,
    place,
    sendOwnSms,
    sendApprovalSms,
  };
}

/** Which field a refusal is about: core names it (`stepUp.code`, `approval.login` …), or its code says. */
function slotOf(error: AppError): Slot | null {
  const field = error.field ?? '';
  if (error.code === 'STEP_UP_REQUIRED' || field.startsWith('stepUp')) return 'self';
  if (field === 'approval.password') return 'password';
  if (field === 'approval.code' || field === 'approval.method') return 'code';
  if (error.code === 'APPROVAL_REQUIRED' || field.startsWith('approval')) return 'login';
  return null;
}

/** The fields themselves, inside the dialog's form (its submit button sends them with the action). */
export function SensitiveFields({ sensitive }: { sensitive: Sensitive }) {
  const t = useT();
  const { check, askSelf, askApproval, self, approval, errors, notices } = sensitive;
  const selfMethodId = useId();
  const approvalMethodId = useId();
  if (sensitive.loading && !check) return <p className="muted" role="status">{t('stepUp.checking')}</p>;
  if (!check || (!askSelf && !askApproval)) return null;
  const methods = check.stepUp.methods;
  return (
    <>
      {askSelf ? (
        <fieldset className="sensitive">
          <legend>{t('stepUp.self.legend')}</legend>
          <p className="muted">{t(self.method === 'password' ? 'stepUp.self.leadPassword' : 'stepUp.self.leadCode', { minutes: check.stepUp.minutes })}</p>
          {methods.length > 1 ? (
            <div className="field">
              <label htmlFor={selfMethodId}>{t('stepUp.self.method')}</label>
              <select id={selfMethodId} value={self.method} onChange={(e) => sensitive.setSelf({ method: e.target.value as StepUpMethod, code: '' })}>
                {methods.map((m) => (
                  <option key={m} value={m}>
                    {t('stepUp.method', { method: m })}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          {self.method === 'password' ? (
            <Field label={t('stepUp.self.password')} name="stepUpPassword" type="password" autoComplete="current-password" value={self.code} error={errors.self} onChange={(e) => sensitive.setSelf({ code: e.target.value })} />
          ) : self.method === 'recovery' ? (
            <Field label={t('stepUp.self.recoveryCode')} name="stepUpRecovery" autoComplete="off" spellCheck={false} value={self.code} error={errors.self} onChange={(e) => sensitive.setSelf({ code: e.target.value })} />
          ) : (
            <CodeField label={t('stepUp.self.code')} autoFocus={false} value={self.code} error={errors.self} onChange={(code) => sensitive.setSelf({ code })} />
          )}
          {self.method === 'sms' ? (
            <div className="actions">
              <button type="button" className="button button--small" onClick={() => void sensitive.sendOwnSms()}>
                {t('stepUp.self.sendSms')}
              </button>
              {notices.self ? <span role="status">{notices.self}</span> : null}
            </div>
          ) : null}
        </fieldset>
      ) : null}
      {askApproval ? (
        <fieldset className="sensitive">
          <legend>{t('stepUp.approval.legend')}</legend>
          <p className="muted">{t('stepUp.approval.lead')}</p>
          <div className="grid-2">
            <Field
              label={t('stepUp.approval.login')}
              name="supervisorLogin"
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              translate="no"
              value={approval.login}
              error={errors.login}
              onChange={(e) => sensitive.setApproval({ login: e.target.value })}
            />
            <Field label={t('stepUp.approval.password')} name="supervisorPassword" type="password" autoComplete="off" value={approval.password} error={errors.password} onChange={(e) => sensitive.setApproval({ password: e.target.value })} />
          </div>
          <div className="grid-2">
            <div className="field">
              <label htmlFor={approvalMethodId}>{t('stepUp.approval.method')}</label>
              <select id={approvalMethodId} value={approval.method} onChange={(e) => sensitive.setApproval({ method: e.target.value as ApprovalMethod, code: '' })}>
                {APPROVAL_METHODS.map((m) => (
                  <option key={m} value={m}>
                    {t('stepUp.method', { method: m })}
                  </option>
                ))}
              </select>
            </div>
            {approval.method === 'recovery' ? (
              <Field label={t('stepUp.approval.code')} name="supervisorRecovery" autoComplete="off" spellCheck={false} value={approval.code} error={errors.code} hint={t('stepUp.approval.codeHint')} onChange={(e) => sensitive.setApproval({ code: e.target.value })} />
            ) : (
              <SupervisorCode label={t('stepUp.approval.code')} hint={t('stepUp.approval.codeHint')} value={approval.code} error={errors.code} onChange={(code) => sensitive.setApproval({ code })} />
            )}
          </div>
          {approval.method === 'sms' ? (
            <div className="actions">
              <button type="button" className="button button--small" onClick={() => void sensitive.sendApprovalSms()}>
                {t('stepUp.approval.sendSms')}
              </button>
              {notices.approval ? <span role="status">{notices.approval}</span> : null}
            </div>
          ) : null}
        </fieldset>
      ) : null}
    </>
  );
}

/** Her 6 digits, as a code field takes them, with a hint (the shared CodeField has none). */
function SupervisorCode({ label, hint, value, error, onChange }: { label: string; hint: string; value: string; error?: string | undefined; onChange: (v: string) => void }) {
  return (
    <Field
      label={label}
      name="supervisorCode"
      inputMode="numeric"
      autoComplete="off"
      maxLength={12}
      className="code-input"
      value={value}
      error={error}
      hint={hint}
      onChange={(e) => onChange(e.target.value.replace(/\D/g, '').slice(0, 6))}
    />
  );
}
