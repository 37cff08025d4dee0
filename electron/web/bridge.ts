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

/**
 * jobs.saveResult in a browser: the joined PDF is fetched from GET /api/jobs/<id>/result (the same token and
 * seat cookie as every call) and handed to the browser's own download, named by the server.
 */
async function downloadJobResult(input: unknown): Promise<Result<unknown>> {
  const jobId = typeof input === 'object' && input !== null ? (input as { jobId?: unknown }).jobId : undefined;
  if (typeof jobId !== 'string' || !/^[A-Za-z0-9_-]{8,64}$/.test(jobId)) return { ok: false, error: { code: 'VALIDATION', message: 'That is not a job.' } };
  let response: Response;
  try {
    response = await fetch(`/api/jobs/${jobId}/result`, { headers: { Authorization: `Bearer ${token}` }, credentials: 'same-origin', cache: 'no-store' });
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: 'The Box Office service on this computer is not answering. Check that it is still running, then try again.' } };
  }
  if (!response.ok) {
    try {
      return (await response.json()) as Result<unknown>;
    } catch {
      return { ok: false, error: { code: 'INTERNAL', message: `The file could not be fetched (${response.status}). Try again.` } };
    }
  }
  const fileName = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'tickets.pdf';
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return { ok: true, value: { saved: true, fileName } };
}

const invoke: Invoke = async (channel, input) => {
  if (!token) return transportError('This page was opened without its access key. Open the full address that `npm start` printed (it ends in #token=…).');
  if (channel === 'jobs.saveResult') return downloadJobResult(input);
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
