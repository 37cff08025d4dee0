import { useEffect, useState } from 'react';
import { call } from '../state/api';

/** The common-password list lives in core: ask it after typing pauses, for the live checklist. */
export function useCommonPassword(password: string): boolean {
  const [common, setCommon] = useState(false);
  useEffect(() => {
    if (!password) return setCommon(false);
    const timer = setTimeout(async () => {
      const report = await call((a) => a.auth.checkPassword({ password }));
      if (report.ok) setCommon(report.value.common);
    }, 250);
    return () => clearTimeout(timer);
  }, [password]);
  return common;
}
