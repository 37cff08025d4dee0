import { Field } from './Field';
import { useT } from '../i18n';

/** The sign-in step's field for an emergency code an administrator handed over (issue 15). */
export function EmergencyCodeField({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const t = useT();
  return (
    <>
      <p>{t('emergency.signIn.lead')}</p>
      <Field
        label={t('emergency.signIn.label')}
        name="emergency"
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        autoFocus
        value={value}
        onChange={(e) => onChange(e.target.value)}
        hint={t('emergency.signIn.hint')}
      />
    </>
  );
}
