import type { OperatorRow } from '../../../../shared/mfa-views';
import { ROLE_LABELS, ROLES, type Role } from '../../../../shared/roles';

/** One role per choice; an account holding several (the first account) keeps its combination as an option. */
export function RoleSelect({ operator, canGiveService, onChange }: { operator: OperatorRow; canGiveService: boolean; onChange: (roles: Role[]) => void }) {
  const current = operator.roles.join(',');
  const singles = ROLES.filter((r) => canGiveService || r !== 'service' || operator.roles.includes('service'));
  const options = [...(operator.roles.length > 1 ? [operator.roles] : []), ...singles.map((r) => [r])];
  return (
    <select aria-label={`Role of ${operator.login}`} className="role-select" value={current} onChange={(e) => onChange(e.target.value.split(',') as Role[])}>
      {options.map((roles) => (
        <option key={roles.join(',')} value={roles.join(',')}>
          {roles.map((r) => ROLE_LABELS[r]).join(' + ')}
        </option>
      ))}
    </select>
  );
}
