import { checkPasswordRules, type PasswordPolicy } from '../../../shared/password-rules';

/** Live feedback on the password rules; core checks them again on submit. */
export function PasswordChecklist({ password, policy, common }: { password: string; policy: PasswordPolicy; common: boolean }) {
  const rules = checkPasswordRules(password, policy).filter((r) => r.rule !== 'maxLength' || !r.passed);
  return (
    <ul className="checklist" aria-label="Password rules">
      {rules.map((rule) => (
        <li key={rule.rule} className={rule.passed ? 'ok' : 'todo'}>
          <span aria-hidden="true">{rule.passed ? '✓' : '•'}</span> {rule.label}
          <span className="visually-hidden">{rule.passed ? ' (met)' : ' (not met yet)'}</span>
        </li>
      ))}
      <li className={password && !common ? 'ok' : 'todo'}>
        <span aria-hidden="true">{password && !common ? '✓' : '•'}</span> Not a common password
        {common ? <strong className="checklist__warn"> — this one is among the most common passwords</strong> : null}
      </li>
    </ul>
  );
}
