import type { ClockWarning as Warning } from '../../../shared/clock-views';
import { clockWarningText } from '../../../shared/clock-views';
import { useT } from '../i18n';
import { Alert } from './Alert';

/** This terminal's clock looks off: a notice beside the code field, never a block (the code may still work). */
export function ClockWarning({ warning }: { warning: Warning | null }) {
  const t = useT();
  if (!warning) return null;
  const { key, values } = clockWarningText(warning);
  return <Alert tone="warning">{t(key, values)}</Alert>;
}
