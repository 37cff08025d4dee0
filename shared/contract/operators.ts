/** Channels of operator administration (admins, offline on the machine). */
import { z } from 'zod';
import { ROLES } from '../roles';
import type { DeviceView, OperatorRow } from '../mfa-views';
import type { EmergencyCodeIssued, EmergencyCodeView } from '../emergency-views';
import { channel, empty } from './define';
import { loginSchema } from './login';
import { displayNameSchema } from './auth';
import { SENSITIVE_ERRORS, sensitiveInput } from './sensitive';

const operatorId = z.number().int().positive();

export const operatorsChannels = {
  'operators.list': channel<OperatorRow[]>()({
    input: empty,
    access: 'operators.manage',
    summary: 'Every operator with roles, two-factor requirement, enrolled methods and remembered devices.',
    returns: '`OperatorRow[]`',
    errors: [],
  }),
  'operators.create': channel<OperatorRow>()({
    input: z
      .object({
        login: loginSchema,
        displayName: displayNameSchema,
        roles: z.array(z.enum(ROLES)).min(1, 'coreAccess.validation.chooseRole').max(ROLES.length),
        /** One-time: changed at the first sign-in, and it stops working after 72 hours. */
        password: z.string().min(1, 'coreAccess.validation.enterInitialPassword').max(4096),
        /** Defaults to the institution feature: on → required. */
        mfaRequired: z.boolean().optional(),
      })
      .strict(),
    access: 'operators.manage',
    summary: 'Creates an operator with a one-time password (changed at the first sign-in, expires after 72 hours). Only the service team may give the service role.',
    returns: '`OperatorRow`',
    errors: ['CONFLICT', 'PASSWORD_POLICY', 'FORBIDDEN'],
  }),
  'operators.setMfaRequired': channel<OperatorRow>()({
    input: z
      .object({
        operatorId,
        required: z.boolean(),
        /** When requiring: sign-ins with her own password (0–10) before enrollment is forced. */
        graceSignIns: z.number().int().min(0, 'coreAccess.validation.graceMin').max(10, 'coreAccess.validation.graceMax').optional(),
        ...sensitiveInput,
      })
      .strict(),
    access: 'operators.manage',
    summary:
      'Requires or releases two-factor authentication for one operator. Requiring may allow up to 10 sign-ins with her own password before enrollment is forced. Releasing is switching two-step off: a sensitive action (step-up, and a supervisor\'s approval when the institution asks for one).',
    returns: '`OperatorRow`',
    errors: ['NOT_FOUND', ...SENSITIVE_ERRORS],
  }),
  'operators.setDisabled': channel<OperatorRow>()({
    input: z.object({ operatorId, disabled: z.boolean() }).strict(),
    access: 'operators.manage',
    summary: 'Disables or enables an operator; a disabled operator\'s open sessions end at once. The last admin and the last service account stay enabled.',
    returns: '`OperatorRow`',
    errors: ['NOT_FOUND', 'CONFLICT'],
  }),
  'operators.setRoles': channel<OperatorRow>()({
    input: z.object({ operatorId, roles: z.array(z.enum(ROLES)).min(1, 'coreAccess.validation.chooseRole').max(ROLES.length) }).strict(),
    access: 'operators.manage',
    summary: 'Changes an operator\'s roles; open sessions end so the new rights apply at the next sign-in. Only the service team gives or takes the service role; the last admin and service account keep theirs.',
    returns: '`OperatorRow`',
    errors: ['NOT_FOUND', 'CONFLICT', 'FORBIDDEN'],
  }),
  'operators.resetMfa': channel<OperatorRow>()({
    input: z.object({ operatorId, ...sensitiveInput }).strict(),
    access: 'operators.manage',
    summary: 'Lost phone or new number: removes the operator\'s authenticator, phone, recovery codes and remembered devices. A service account only by the service team.',
    returns: '`OperatorRow`',
    errors: ['NOT_FOUND', 'FORBIDDEN', ...SENSITIVE_ERRORS],
  }),
  'operators.resetPassword': channel<OperatorRow>()({
    input: z.object({ operatorId, password: z.string().min(1, 'coreAccess.validation.enterOneTimePassword').max(4096) }).strict(),
    access: 'operators.manage',
    summary: 'Sets a one-time password (changed at the next sign-in, expires after 72 hours); ends open sessions and lifts the sign-in throttle. A service account only by the service team; never one\'s own.',
    returns: '`OperatorRow`',
    errors: ['NOT_FOUND', 'FORBIDDEN', 'CONFLICT', 'PASSWORD_POLICY'],
  }),
  'operators.liftThrottle': channel<OperatorRow>()({
    input: z.object({ operatorId }).strict(),
    access: 'operators.manage',
    summary: 'Lifts the sign-in throttle (password and second-factor code) of an operator, and the throttle on her approvals of others\' actions.',
    returns: '`OperatorRow`',
    errors: ['NOT_FOUND'],
  }),
  'operators.devices': channel<DeviceView[]>()({
    input: z.object({ operatorId }).strict(),
    access: 'operators.manage',
    summary: 'An operator\'s remembered devices.',
    returns: '`DeviceView[]`',
    errors: ['NOT_FOUND'],
  }),
  'operators.revokeDevice': channel<DeviceView[]>()({
    input: z.object({ operatorId, deviceId: z.number().int().positive() }).strict(),
    access: 'operators.manage',
    summary: 'Forgets one remembered device of an operator.',
    returns: '`DeviceView[]`',
    errors: ['NOT_FOUND'],
  }),
  'operators.issueEmergencyCode': channel<EmergencyCodeIssued>()({
    input: z.object({ operatorId, ...sensitiveInput }).strict(),
    access: 'operators.manage',
    // The code is in the answer: a retry with the same request key issues a new one rather than storing this one.
    secretAnswer: true,
    summary:
      'An operator who left her phone at home: one single-use code, valid for one hour, that stands in for her second factor at one sign-in (never remembers the device, never proves her for a sensitive action). Shown once; only its keyed hash is stored. Replaces her earlier unused code. Only for an operator with a second factor; never for oneself; a service account only by the service team. A sensitive action: the admin\'s own second factor again once her last proof is older than the institution\'s window (`stepUp`), never a supervisor\'s approval.',
    returns: '`{ code, expiresAt }`',
    errors: ['NOT_FOUND', 'CONFLICT', 'FORBIDDEN', ...SENSITIVE_ERRORS],
  }),
  'operators.emergencyCodes': channel<EmergencyCodeView[]>()({
    input: empty,
    access: 'operators.manage',
    summary: 'Emergency codes still usable (not used, revoked or expired): for whom, issued by whom and when, until when.',
    returns: '`EmergencyCodeView[]`',
    errors: [],
  }),
  'operators.revokeEmergencyCode': channel<EmergencyCodeView[]>()({
    input: z.object({ codeId: z.number().int().positive() }).strict(),
    access: 'operators.manage',
    summary: 'Revokes an emergency code that is still usable.',
    returns: 'the codes still usable, `EmergencyCodeView[]`',
    errors: ['NOT_FOUND'],
  }),
} as const;
