/**
 * The gate of every sensitive action, in core whatever a screen asked before: the acting operator's
 * step-up proof first, then the supervisor's approval, then the action — whose audit entries then name
 * the approver beside the actor (AuditLog.approvedBy). A screen learns up front what will be asked
 * (`view`), so one dialog asks everything at once.
 */
import type { Result } from '../../../shared/result';
import type { SensitiveAction, SensitiveCheckView } from '../../../shared/sensitive-views';
import type { AuditLog } from '../audit/audit-log';
import type { ApprovalInput, Approvals } from './approval';
import type { Session } from './sessions';
import type { StepUp, StepUpProof } from './step-up';

/** What a sensitive channel's input carries besides its own fields (shared/contract/sensitive.ts). */
export interface SensitiveInput {
  stepUp?: StepUpProof | undefined;
  approval?: ApprovalInput | undefined;
}

export class SensitiveActions {
  constructor(
    readonly stepUp: StepUp,
    readonly approvals: Approvals,
    private readonly audit: AuditLog,
  ) {}

  /** Checks, then runs `work` with the approval bound to it: it belongs to this call and to nothing after. */
  async run<T>(session: Session, action: SensitiveAction, input: SensitiveInput, work: () => Promise<Result<T>> | Result<T>): Promise<Result<T>> {
    const proved = await this.stepUp.check(session, action, input.stepUp);
    if (!proved.ok) return proved;
    const approved = await this.approvals.check(session, action, input.approval);
    if (!approved.ok) return approved;
    return this.audit.approvedBy(approved.value.approvedBy, async () => work());
  }

  async view(session: Session, action: SensitiveAction): Promise<SensitiveCheckView> {
    const { methods, phone } = await this.stepUp.methods(session.operatorId);
    return {
      stepUp: { needed: !this.stepUp.fresh(session), methods, phone, minutes: this.stepUp.minutes() },
      approval: { needed: this.approvals.required(action) },
    };
  }
}
