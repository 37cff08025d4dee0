/** Channels of kiosk mode. */
import { z } from 'zod';
import { channel } from './define';
import { loginSchema } from './login';

export const kioskChannels = {
  'kiosk.quit': channel<{ quitting: true }>()({
    input: z.object({ login: loginSchema, password: z.string().min(1, 'coreAccess.validation.enterPassword').max(4096) }).strict(),
    access: 'public',
    summary: 'Kiosk only: quits the app after an administrator\'s login and password (throttled like a sign-in). Nobody else can leave the kiosk.',
    returns: '`{ quitting: true }`; the app closes right after answering',
    errors: ['AUTH_INVALID', 'AUTH_THROTTLED', 'FORBIDDEN', 'CONFLICT'],
  }),
} as const;
