/** Which second factors an operator has, whether they must use one, and what happens after the password. */
import type { SecondFactorMethods } from '../../../shared/mfa-views';
import type { SessionStage } from '../auth/sessions';
import type { OperatorRecord } from '../store/operators-repo';
import type { MfaContext } from './context';

export class Factors {
  constructor(private readonly ctx: MfaContext) {}

  async methods(operatorId: number): Promise<SecondFactorMethods> {
    // One after another: inside a transaction the queries share one PostgreSQL connection.
    const totp = await this.ctx.repo.totp(operatorId);
    const phone = await this.ctx.repo.phone(operatorId);
    const recoveryCodesLeft = await this.ctx.repo.recoveryCodesLeft(operatorId);
    return {
      totp: Boolean(totp?.confirmedAt),
      sms: phone?.confirmedAt ? { hint: phone.hint } : null,
      recoveryCodesLeft,
    };
  }

  async hasFactor(operatorId: number): Promise<boolean> {
    const m = await this.methods(operatorId);
    return m.totp || m.sms !== null;
  }

  /** Required only while the institution's feature is on; the gate role is never asked. */
  async required(operator: OperatorRecord): Promise<boolean> {
    return this.ctx.settings.get('mfaEnabled') && !scannerOnly(operator) && (await this.ctx.repo.isRequired(operator.id));
  }

  /**
   * After a right password: an enrolled factor is always asked (an operator who enrolled by choice
   * keeps that protection); a required operator without one enrolls first.
   */
  async stageAfterPassword(operator: OperatorRecord): Promise<SessionStage> {
    if (scannerOnly(operator)) return 'active';
    if (await this.hasFactor(operator.id)) return 'challenge';
    return (await this.required(operator)) ? 'enrollment' : 'active';
  }
}

/** The access-control role only, like the vendor's scanning app: exempt from two-factor. */
export const scannerOnly = (operator: Pick<OperatorRecord, 'roles'>): boolean => operator.roles.length > 0 && operator.roles.every((r) => r === 'scanner');
