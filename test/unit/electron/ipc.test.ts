import { describe, expect, it } from 'vitest';
import { CHANNEL_NAMES } from '../../../shared/contract';
import { registerIpcHandlers } from '../../../electron/window/ipc';
import type { CallerContext } from '../../../electron/core/types';

type Handler = (event: unknown, input: unknown) => unknown;

function setUp() {
  const handlers = new Map<string, Handler>();
  const calls: { channel: unknown; input: unknown; caller: CallerContext }[] = [];
  registerIpcHandlers(
    { handle: (channel: string, handler: Handler) => void handlers.set(channel, handler) } as never,
    async (channel, input, caller) => {
      calls.push({ channel, input, caller });
      return { ok: true, value: 'called' };
    },
    new Set([7]),
  );
  return { handlers, calls };
}

const mainFrame = { url: 'app://box-office/index.html' };
const event = (over: { id?: number; frame?: { url: string } | null; mainFrame?: { url: string } } = {}) => {
  const main = over.mainFrame ?? mainFrame;
  return { sender: { id: over.id ?? 7, mainFrame: main }, senderFrame: over.frame === undefined ? main : over.frame };
};

describe('IPC registration', () => {
  it('registers exactly one handler per contract channel', () => {
    const { handlers } = setUp();
    expect([...handlers.keys()].sort()).toEqual([...CHANNEL_NAMES].sort());
  });

  it('passes a call from our own main frame to core with the window as seat', async () => {
    const { handlers, calls } = setUp();
    const result = await handlers.get('auth.signIn')!(event(), { login: 'anna', password: 'x' });
    expect(result).toEqual({ ok: true, value: 'called' });
    expect(calls).toEqual([{ channel: 'auth.signIn', input: { login: 'anna', password: 'x' }, caller: { seat: 'window:7' } }]);
  });

  it('refuses a subframe, a foreign page, an unknown window or a missing frame, without calling core', async () => {
    const { handlers, calls } = setUp();
    const refused = [
      event({ frame: { url: 'app://box-office/index.html' } }), // an iframe: not the main frame object
      event({ mainFrame: { url: 'https://evil.example/' } }),
      event({ mainFrame: { url: 'file:///etc/passwd' } }),
      event({ id: 8 }),
      event({ frame: null }),
    ];
    for (const e of refused) {
      expect(await handlers.get('app.info')!(e, {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(calls).toHaveLength(0);
  });
});
