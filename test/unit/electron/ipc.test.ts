import { describe, expect, it } from 'vitest';
import { CHANNEL_NAMES } from '../../../shared/contract';
import { registerIpcHandlers } from '../../../electron/window/ipc';
import type { CallerContext, Dispatch } from '../../../electron/core/types';

type Handler = (event: unknown, input: unknown) => Promise<unknown>;
type Frame = { url: string };

const OWN_IDS = new Set([7, 9]);

/** Registers the handlers against a recording ipcMain and a recording dispatch. */
function setUp(dispatch?: Dispatch) {
  const handlers = new Map<string, Handler>();
  const registrations: string[] = [];
  const calls: { channel: unknown; input: unknown; caller: CallerContext }[] = [];
  registerIpcHandlers(
    {
      handle: (channel: string, handler: Handler) => {
        registrations.push(channel);
        handlers.set(channel, handler);
      },
    } as never,
    async (channel, input, caller) => {
      calls.push({ channel, input, caller });
      return dispatch ? dispatch(channel, input, caller) : { ok: true, value: 'called' };
    },
    OWN_IDS,
  );
  return { handlers, registrations, calls };
}

/** An invoke event as Electron builds it: the sender's main frame is one object, a subframe another. */
function event(over: { id?: number; mainUrl?: string; frame?: 'main' | 'sub' | 'none' } = {}) {
  const mainFrame: Frame = { url: over.mainUrl ?? 'app://box-office/index.html' };
  const subFrame: Frame = { url: 'app://box-office/index.html' };
  const frame = over.frame ?? 'main';
  return { sender: { id: over.id ?? 7, mainFrame }, senderFrame: frame === 'main' ? mainFrame : frame === 'sub' ? subFrame : null };
}

describe('IPC registration', () => {
  it('registers exactly one handler per contract channel, and nothing else', () => {
    const { registrations } = setUp();
    expect(registrations).toHaveLength(CHANNEL_NAMES.length);
    expect(new Set(registrations).size).toBe(registrations.length);
    expect([...registrations].sort()).toEqual([...CHANNEL_NAMES].sort());
  });

  it('passes a call from our own main frame to core, input untouched, with that window as seat', async () => {
    const { handlers, calls } = setUp();
    const input = { login: 'anna', password: 'x' };
    expect(await handlers.get('auth.signIn')!(event(), input)).toEqual({ ok: true, value: 'called' });
    await handlers.get('app.info')!(event({ id: 9, mainUrl: 'app://box-office/orders/42?x=1' }), undefined);
    expect(calls).toEqual([
      { channel: 'auth.signIn', input, caller: { seat: 'window:7' } },
      { channel: 'app.info', input: undefined, caller: { seat: 'window:9' } },
    ]);
    expect(calls[0]!.input).toBe(input);
  });

  it('refuses a subframe, a foreign page, an unknown window or a missing frame, without calling core', async () => {
    const { handlers, calls } = setUp();
    const refused = {
      subframe: event({ frame: 'sub' }),
      foreignHttps: event({ mainUrl: 'https://evil.example/' }),
      file: event({ mainUrl: 'file:///etc/passwd' }),
      otherAppHost: event({ mainUrl: 'app://evil/index.html' }),
      lookalikeHost: event({ mainUrl: 'app://box-office.evil.example/' }),
      loopback: event({ mainUrl: 'http://127.0.0.1:5173/' }),
      notOurWindow: event({ id: 8 }),
      frameGone: event({ frame: 'none' }),
    };
    for (const [name, e] of Object.entries(refused)) {
      for (const channel of ['app.info', 'auth.signIn']) {
        expect(await handlers.get(channel)!(e, {}), name).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      }
    }
    expect(calls).toHaveLength(0);
  });

  it('turns a failure in core into a Result rather than a rejected invoke', async () => {
    const { handlers } = setUp(async () => {
      throw new Error('disk on fire');
    });
    const errors = console.error;
    console.error = () => {};
    try {
      const result = await handlers.get('app.info')!(event(), {});
      expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
      expect(JSON.stringify(result)).not.toContain('disk on fire');
    } finally {
      console.error = errors;
    }
  });
});
