/** Pure URL checks shared by the guards, the protocol and the IPC sender check. Parsed, never substring-matched. */
import { APP_ORIGIN } from './secure-window';

const APP = new URL(APP_ORIGIN);

export function isAppUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === APP.protocol && url.host === APP.host;
  } catch {
    return false;
  }
}
