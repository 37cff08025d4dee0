/** What a sensitive action's dialog needs to know before it asks anything (channel `sensitive.check`). */
import type { StepUpMethod } from './contract/sensitive';

/**
 * reissue: a ticket already delivered (mobile or print@home); bulkReissue: every ticket of an order not
 * issued yet; restore: a backup over the store; twoStepOff: the institution's feature or one operator's
 * requirement switched off; resetFactors: someone's second factors removed; emergencyCode: a code that
 * stands in for someone's second factor at one sign-in; approvalsOff: a supervisor's approval the
 * institution requires switched off (four eyes guard their own removal).
 */
export const SENSITIVE_ACTIONS = ['reissue', 'bulkReissue', 'restore', 'twoStepOff', 'resetFactors', 'emergencyCode', 'approvalsOff'] as const;
export type SensitiveAction = (typeof SENSITIVE_ACTIONS)[number];

/**
 * The actions the institution may put under four eyes (settings' `approvals`). resetFactors and
 * emergencyCode ask only the acting admin's own second factor again; approvalsOff always asks a supervisor.
 */
export const APPROVAL_ACTIONS = ['reissue', 'bulkReissue', 'restore', 'twoStepOff'] as const satisfies readonly SensitiveAction[];
export type ApprovalAction = (typeof APPROVAL_ACTIONS)[number];
export const isApprovalAction = (action: SensitiveAction): action is ApprovalAction => (APPROVAL_ACTIONS as readonly string[]).includes(action);

export interface SensitiveCheckView {
  stepUp: {
    /** Her last proof is older than the institution's window (or there is none: a remembered device let her in). */
    needed: boolean;
    /** What she may prove herself with: her factors, or her password when she has none. */
    methods: StepUpMethod[];
    /** The masked number a step-up text goes to, when she has a phone. */
    phone: string | null;
    /** The institution's window, for the dialog's words. */
    minutes: number;
  };
  /** The institution asks a supervisor's approval for this action. */
  approval: { needed: boolean };
}
