/** Channels about the application itself. */
import type { AppInfo } from '../views';
import { channel, empty } from './define';

export const appChannels = {
  'app.info': channel<AppInfo>()({
    input: empty,
    access: 'public',
    summary: 'Product name, version, whether first-run setup is pending, kiosk mode, terminal and password policy.',
    returns: '`AppInfo`: `{ product, version, setupPending, kiosk, shell, terminal, institution, passwordPolicy, store: { engine, location } }` (never a password)',
    errors: [],
  }),
} as const;
