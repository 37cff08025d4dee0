import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { lockKiosk } from '../../../electron/window/kiosk-lock';

/** Electron's app and window are event emitters whose close/quit events can be cancelled. */
const stub = () => new EventEmitter() as EventEmitter & { on: (event: string, listener: (e: { preventDefault(): void }) => void) => unknown };
const attempt = (emitter: EventEmitter, event: string) => {
  let prevented = false;
  emitter.emit(event, { preventDefault: () => (prevented = true) });
  return prevented ? 'refused' : 'allowed';
};

describe('kiosk window lock', () => {
  it('refuses closing the window and quitting the app until an administrator released it', () => {
    const app = stub();
    const window = stub();
    const lock = lockKiosk(app as never, window as never, () => true);
    expect(attempt(window, 'close')).toBe('refused');
    expect(attempt(app, 'before-quit')).toBe('refused');
    lock.release();
    expect(lock.released()).toBe(true);
    expect(attempt(window, 'close')).toBe('allowed');
    expect(attempt(app, 'before-quit')).toBe('allowed');
  });

  it('lets a kiosk whose core never started close (nobody could authorize it)', () => {
    const app = stub();
    const window = stub();
    lockKiosk(app as never, window as never, () => false);
    expect(attempt(window, 'close')).toBe('allowed');
    expect(attempt(app, 'before-quit')).toBe('allowed');
  });
});
