/**
 * What a kiosk (an unattended terminal in a foyer or at a gate) may do: sign in and out, the gate,
 * and order lookup with delivery. Administration, settings, the audit log and one's own security
 * settings belong on a desk terminal, whatever role signs in here.
 */
import { text } from '../../../shared/i18n/translator';
import type { Access } from '../../../shared/contract';
import type { Permission } from '../../../shared/roles';

const KIOSK_PERMISSIONS: readonly Permission[] = ['orders.read', 'delivery.issue', 'gate.scan'];

/** The sign-in steps stay reachable: without them nobody could use the kiosk at all. */
const KIOSK_ACCESS: readonly Access[] = ['public', 'anySession', 'challenge', 'passwordChange', 'enrollment', ...KIOSK_PERMISSIONS];

export const kioskAllows = (access: Access): boolean => KIOSK_ACCESS.includes(access);

export const kioskPermits = (permission: Permission): boolean => KIOSK_PERMISSIONS.includes(permission);

export const KIOSK_REFUSAL = text('coreSession.kioskRefusal');
