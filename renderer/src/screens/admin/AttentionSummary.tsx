import type { OperatorAttention, OperatorRow } from '../../../../shared/mfa-views';
import { Alert } from '../../components/Alert';
import { useT } from '../../i18n';

/** Admin → Operators, at the top: who is running low on recovery codes, who lacks a required second factor. */
export function AttentionSummary({ operators }: { operators: OperatorRow[] }) {
  const t = useT();
  const items = operators.flatMap((o) => o.attention.map((a) => ({ o, a })));
  if (items.length === 0) return null;
  return (
    <Alert tone="warning">
      <strong id="attention-title">{t('attention.title')}</strong>
      <ul className="attention-list" aria-labelledby="attention-title">
        {items.map(({ o, a }) => (
          <li key={`${o.id}-${a}`}>
            {a === 'fewRecoveryCodes' ? t('attention.fewRecoveryCodes', { login: o.login, count: o.recoveryCodesLeft }) : t('attention.noSecondFactor', { login: o.login })}
          </li>
        ))}
      </ul>
    </Alert>
  );
}

/** The same, as a badge in the operator's row. */
export function AttentionBadges({ operator }: { operator: OperatorRow }) {
  const t = useT();
  const label = (a: OperatorAttention) =>
    a === 'fewRecoveryCodes' ? t('attention.badge.fewRecoveryCodes', { count: operator.recoveryCodesLeft }) : t('attention.badge.noSecondFactor');
  return (
    <>
      {operator.attention.map((a) => (
        <span key={a} className="badge badge--warn">
          {label(a)}
        </span>
      ))}
    </>
  );
}
