/** Which second factors an operator has, whether they must use one, and what happens after the password. */
import type { SecondFactorMethods } from '../../../shared/mfa-views';
import type { SessionStage } from '../auth/sessions';
import type { OperatorRecord } from '../store/operators-repo';
import type { MfaContext } from './context';

export class Factors {
  constructor(private readonly ctx: MfaContext) {}

  methods(operatorId: number): SecondFactorMethods {
    const totp = this.ctx.repo.totp(operatorId);
    const phone = this.ctx.repo.phone(operatorId);
    return {
      totp: Boolean(totp?.confirmedAt),
      sms: phone?.confirmedAt ? { hint: phone.hint } : null,
      recoveryCodesLeft: this.ctx.repo.recoveryCodesLeft(operatorId),
    };
  }

  hasFactor(operatorId: number): boolean {
    const m = this.methods(operatorId);
    return m.totp || m.sms !== null;
  }

  /** Required only while the institution's feature is on; the gate role is never asked. */
  required(operator: OperatorRecord): boolean {
    return this.ctx.settings.get('mfaEnabled') && this.ctx.repo.isRequired(operator.id) && !scannerOnly(operator);
  }

  /**
   * After a right password: an enrolled factor is always asked (an operator who enrolled by choice
   * keeps that protection); a required operator without one enrolls first.
   */
  stageAfterPassword(operator: OperatorRecord): SessionStage {
    if (scannerOnly(operator)) return 'active';
    if (this.hasFactor(operator.id)) return 'challenge';
    return this.required(operator) ? 'enrollment' : 'active';
  }
}

/** The access-control role only, like the vendor's scanning app: exempt from two-factor. */
export const scannerOnly = (operator: Pick<OperatorRecord, 'roles'>): boolean => operator.roles.length > 0 && operator.roles.every((r) => r === 'scanner');
