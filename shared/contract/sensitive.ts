/**
 * What a sensitive action's call may carry besides its own input (reissue of a delivered ticket, bulk
 * reissue, restore, two-step off, resetting someone's factors):
 * - `stepUp`: the acting operator proves herself again (her second factor; her password when she has
 *   none) when her last proof is older than the institution's window; STEP_UP_REQUIRED says so;
 * - `approval`: a second person with the supervisor right approves, at the same terminal and in the
 *   same call, so the approval is bound to this action and cannot be kept for another; APPROVAL_REQUIRED
 *   says when the institution asks for one.
 * Both are checked in core; a screen only collects them.
 */
import { z } from 'zod';
import type { ErrorCode } from '../result';
import { loginSchema } from './login';

export const STEP_UP_METHODS = ['totp', 'sms', 'recovery', 'password'] as const;
export type StepUpMethod = (typeof STEP_UP_METHODS)[number];
export const APPROVAL_METHODS = ['totp', 'sms', 'recovery'] as const;
export type ApprovalMethod = (typeof APPROVAL_METHODS)[number];

export const stepUpSchema = z
  .object({
    method: z.enum(STEP_UP_METHODS),
    // Not trimmed: with the password method it is her password, taken as typed; core drops the spaces of a code.
    code: z.string().min(1, 'coreAccess.validation.enterCode').max(4096, 'coreAccess.validation.codeTooLong'),
  })
  .strict();

export const approvalSchema = z
  .object({
    login: loginSchema,
    password: z.string().min(1, 'coreAccess.validation.enterPassword').max(4096, 'coreAccess.validation.passwordTooLong'),
    /** Her second factor; left out only by a supervisor who has none enrolled. */
    method: z.enum(APPROVAL_METHODS).optional(),
    code: z.string().trim().max(64, 'coreAccess.validation.codeTooLong').optional(),
  })
  .strict();

/** Spread into a sensitive channel's input object. */
export const sensitiveInput = { stepUp: stepUpSchema.optional(), approval: approvalSchema.optional() };

/** The errors a sensitive channel may answer besides its own. */
export const SENSITIVE_ERRORS = ['STEP_UP_REQUIRED', 'APPROVAL_REQUIRED', 'AUTH_INVALID', 'AUTH_THROTTLED', 'MFA_INVALID'] as const satisfies readonly ErrorCode[];
