import type { OperatorRow } from '../../../../shared/mfa-views';
import { ROLES, type Role } from '../../../../shared/roles';
import { useT } from '../../i18n';
import { usePlain } from './plain';

/** One role per choice; an account holding several (the first account) keeps its combination as an option. */
export function RoleSelect({ operator, canGiveService, onChange }: { operator: OperatorRow; canGiveService: boolean; onChange: (roles: Role[]) => void }) {
  const t = useT();
  const plain = usePlain();
  const current = operator.roles.join(',');
  const singles = ROLES.filter((r) => canGiveService || r !== 'service' || operator.roles.includes('service'));
  const options = [...(operator.roles.length > 1 ? [operator.roles] : []), ...singles.map((r) => [r])];
  return (
    <select aria-label={t('admin.operators.roleOf', { login: operator.login })} className="role-select" value={current} onChange={(e) => onChange(e.target.value.split(',') as Role[])}>
      {options.map((roles) => (
        <option key={roles.join(',')} value={roles.join(',')}>
          {t('admin.roles.list', { roles: roles.map((r) => plain.t('admin.role', { role: r })).join(' + ') })}
        </option>
      ))}
    </select>
  );
}
