/**
 * The gate: one answer per scan, recorded. Checks and record are one transaction, so two gates
 * scanning the same ticket at once admit it once.
 */
import type { ScanResult, ScanView } from '../../../shared/delivery-views';
import { fail, ok, type Result } from '../../../shared/result';
import type { AuditLog } from '../audit/audit-log';
import type { Session } from '../auth/sessions';
import { normalizeBarcode } from '../delivery/barcode';
import { dayAndTime, timeOrDay } from '../delivery/local-time';
import type { GateRepo } from '../store/gate-repo';
import type { OrdersRepo } from '../store/orders-repo';
import type { Clock } from '../types';

export class GateService {
  private scansSinceSummary = 0;

  constructor(
    private readonly d: { gate: GateRepo; orders: OrdersRepo; audit: AuditLog; clock: Clock; terminal: string },
  ) {}

  scan(session: Session, eventId: number, typed: string): Result<ScanView> {
    const event = this.d.orders.event(eventId);
    if (!event) return fail('NOT_FOUND', 'Choose the event you are scanning for.');
    const barcode = normalizeBarcode(typed);
    const at = this.d.clock.now();
    const view = this.d.gate.transaction((): ScanView & { ticketId: number | null } => {
      const facts = barcode ? this.d.gate.lookup(barcode) : undefined;
      const answer = (result: ScanResult, headline: string, detail: string | null = null) => ({ result, headline, detail, seat: facts?.seat ?? null, at, ticketId: facts?.ticketId ?? null });
      let outcome: ReturnType<typeof answer>;
      if (!facts) outcome = answer('unknown', 'Unknown ticket', barcode ? 'This barcode is not one of ours. Send the guest to the box office.' : 'That is not a ticket barcode. Scan again.');
      else if (facts.revokedAt !== null)
        outcome = answer('revoked', 'Revoked ticket', `Superseded by reissue: duplicate #${facts.currentGeneration - 1} is the valid ticket. This one was replaced on ${dayAndTime(facts.revokedAt)}.`);
      else if (facts.eventId !== eventId) outcome = answer('otherEvent', 'Another event', `This ticket is for ${this.d.orders.event(facts.eventId)?.name ?? 'another event'}.`);
      else if (!facts.paid) outcome = answer('unpaid', 'Not paid', 'The order of this ticket is not paid. Send the guest to the box office.');
      else {
        const first = this.d.gate.firstAdmission(facts.ticketId);
        const earlier = first && first.generation !== facts.generation ? ` with an earlier barcode (${first.generation === 1 ? 'the original' : `duplicate #${first.generation - 1}`})` : '';
        outcome = first
          ? answer('alreadyScanned', 'Already scanned', `Admitted at ${timeOrDay(first.at, at)} at ${first.gate}${earlier}.`)
          : answer('valid', 'Valid', facts.seat);
      }
      this.d.gate.record({ barcode: barcode ?? typed.slice(0, 64), ticketId: outcome.ticketId, eventId, at, gate: this.d.terminal, operatorId: session.operatorId, result: outcome.result });
      return outcome;
    });
    // The audit log gets a summary every 100 scans, not one entry per guest.
    this.scansSinceSummary += 1;
    if (this.scansSinceSummary >= 100 || view.result !== 'valid') {
      if (view.result !== 'valid') this.d.audit.append({ kind: 'gate.scan-refused', actorId: session.operatorId, actorLogin: session.login, detail: { event: eventId, result: view.result } });
      else {
        this.d.audit.append({ kind: 'gate.scans', actorId: session.operatorId, actorLogin: session.login, detail: { event: eventId, scans: this.scansSinceSummary } });
        this.scansSinceSummary = 0;
      }
    }
    const { ticketId: _ticketId, ...rest } = view;
    return ok(rest);
  }
}
