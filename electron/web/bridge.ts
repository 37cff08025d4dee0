/**
 * The web shell's counterpart of the preload: runs in the page before the renderer and defines
 * window.boxOffice over HTTP. The renderer cannot tell the two transports apart.
 */
import { buildApi, type Invoke } from '../../shared/api';
import type { Result } from '../../shared/result';

const TOKEN_KEY = 'box-office-token';

/** The launch token arrives in the URL fragment (never sent to a server, never in a log); keep it for reloads of this tab only. */
function takeToken(): string | null {
  const match = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    history.replaceState(null, '', location.pathname + location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

const token = takeToken();

const transportError = (message: string): Result<never> => ({ ok: false, error: { code: 'FORBIDDEN', message } });

const invoke: Invoke = async (channel, input) => {
  if (!token) return transportError('This page was opened without its access key. Open the full address that `npm start` printed (it ends in #token=…).');
  let response: Response;
  try {
    response = await fetch(`/api/${channel}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(input ?? {}),
      credentials: 'same-origin',
      cache: 'no-store',
    });
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: 'The Box Office service on this computer is not answering. Check that it is still running, then try again.' } };
  }
  if (response.status === 401) return transportError('The access key of this page is no longer valid (the service was restarted). Open the new address that `npm start` printed.');
  try {
    return (await response.json()) as Result<unknown>;
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: `The Box Office service answered ${response.status} without a result. Try again.` } };
  }
};

// The app never opens windows; in a browser nothing else stops a page script from trying (Electron denies it in main).
Object.defineProperty(window, 'open', { value: () => null, writable: false, configurable: false });

Object.defineProperty(window, 'boxOffice', { value: buildApi(invoke), writable: false, configurable: false, enumerable: false });
