/**
 * The renderer's only door out. Every call goes through `call`, which turns session-level errors
 * (locked, expired, signed out elsewhere) and terminal-level ones (revoked from the venue) into a change
 * of screen, once, for every screen.
 */
import type { BoxOfficeApi } from '../../../shared/api';
import type { AppError, Result } from '../../../shared/result';
import { errorText, tNow } from '../i18n';
import { useConnection } from './connection-store';
import { useSession } from './session-store';

export function api(): BoxOfficeApi {
  if (!window.boxOffice) throw new Error(tNow('common.startup.bridgeMissing'));
  return window.boxOffice;
}

const SESSION_ERRORS = new Set<AppError['code']>(['SESSION_LOCKED', 'SESSION_EXPIRED', 'AUTH_REQUIRED']);
/** Answers after which this terminal can do nothing else: whatever screen asked, the blocked screen follows. */
const BLOCKING_ERRORS = new Set<AppError['code']>(['TERMINAL_REVOKED', 'VENUE_UPGRADE_REQUIRED']);

export async function call<T>(request: (a: BoxOfficeApi) => Promise<Result<T>>): Promise<Result<T>> {
  const result = await request(api());
  useConnection.getState().report(result.ok ? null : result.error.code, result.ok ? '' : errorText(result.error));
  if (!result.ok && SESSION_ERRORS.has(result.error.code)) void useSession.getState().refresh(result.error.code);
  if (!result.ok && BLOCKING_ERRORS.has(result.error.code)) useSession.getState().block(result.error);
  return result;
}
