/** What screens see of second factors. Never a seed after enrollment, never a code, a token or a full phone number. */
import type { Role } from './roles';

export interface SecondFactorMethods {
  totp: boolean;
  /** The masked number when SMS is enrolled, e.g. "+41 •••• ••45 67". */
  sms: { hint: string } | null;
  recoveryCodesLeft: number;
}

export interface RememberDeviceOffer {
  offered: boolean;
  days: number;
}

export interface TotpEnrollment {
  issuer: string;
  account: string;
  /** otpauth:// URI, as encoded in the QR code. */
  uri: string;
  /** The QR code as a data: URL (PNG). */
  qrDataUrl: string;
  /** The key in groups of four, for typing by hand. Shown during enrollment only. */
  manualKey: string;
}

export interface SmsSent {
  sentTo: string;
  /** Epoch ms: "Text me a new code" is possible from then. */
  resendAt: number;
  expiresAt: number;
}

export interface DeviceView {
  id: number;
  label: string;
  terminal: string;
  createdAt: number;
  expiresAt: number;
  lastUsedAt: number | null;
  state: 'active' | 'expired' | 'revoked';
}

export interface MySecurity {
  required: boolean;
  featureEnabled: boolean;
  methods: SecondFactorMethods;
  /** True when 3 or fewer recovery codes remain. */
  recoveryWarning: boolean;
  devices: DeviceView[];
  /** Until when security changes need no password again (epoch ms). */
  passwordFreshUntil: number;
  rememberDeviceDays: number;
}

export interface MfaPolicyView {
  enabled: boolean;
  /** Only the service team may switch the feature. */
  canSwitch: boolean;
  message: string;
  rememberDeviceDays: number;
}

export interface OperatorRow {
  id: number;
  login: string;
  displayName: string;
  roles: Role[];
  disabled: boolean;
  mfaRequired: boolean;
  methods: ('totp' | 'sms' | 'recovery')[];
  rememberedDevices: number;
  /** While the operator still has an admin-set password: when it stops working (epoch ms). */
  oneTimePasswordUntil: number | null;
  /** While sign-in (password or code) is throttled: until when (epoch ms). */
  throttledUntil: number | null;
  /** Unused recovery codes. */
  recoveryCodesLeft: number;
  /** What an admin should look at (Admin → Operators, "Needs attention"); empty for a disabled operator. */
  attention: OperatorAttention[];
  /** While an emergency code an admin issued her is unused, unrevoked and unexpired: when it expires (epoch ms). */
  emergencyCodeUntil: number | null;
  /** Two-step required, no factor yet: sign-ins with her own password left before setup is forced (null: no grace). */
  graceLeft: number | null;
}

/**
 * fewRecoveryCodes: she has a second factor and 3 or fewer recovery codes left; noSecondFactor: two-step
 * verification applies to her (the feature on, required, not a gate-only account) and she has no factor.
 */
export type OperatorAttention = 'fewRecoveryCodes' | 'noSecondFactor';
