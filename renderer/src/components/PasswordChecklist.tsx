import { checkPasswordRules, type PasswordPolicy } from '../../../shared/password-rules';
import { useT } from '../i18n';

/** Live feedback on the password rules; core checks them again on submit. */
export function PasswordChecklist({ password, policy, common }: { password: string; policy: PasswordPolicy; common: boolean }) {
  const t = useT();
  const rules = checkPasswordRules(password, policy).filter((r) => r.rule !== 'maxLength' || !r.passed);
  return (
    <ul className="checklist" aria-label={t('common.passwordRules.label')}>
      {rules.map((rule) => (
        <li key={rule.rule} className={rule.passed ? 'ok' : 'todo'}>
          <span aria-hidden="true">{rule.passed ? '✓' : '•'}</span> {t(rule.text.key, rule.text.values)}
          <span className="visually-hidden"> {t(rule.passed ? 'common.passwordRules.met' : 'common.passwordRules.notMet')}</span>
        </li>
      ))}
      <li className={password && !common ? 'ok' : 'todo'}>
        <span aria-hidden="true">{password && !common ? '✓' : '•'}</span> {t('common.passwordRules.notCommon')}
        {common ? <strong className="checklist__warn"> {t('common.passwordRules.common')}</strong> : null}
      </li>
    </ul>
  );
}
