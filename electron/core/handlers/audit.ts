/** Handlers of the audit log. */
import { ok } from '../../../shared/result';
import { auditCsv } from '../audit/audit-csv';
import type { AuditEntry } from '../audit/audit-log';
import type { DomainHandlers, Services } from './index';

const view = (e: AuditEntry) => ({ id: e.id, at: e.at, kind: e.kind, actorLogin: e.actorLogin, subject: e.subject, terminal: e.terminal, detail: e.detail });

export const auditHandlers = (s: Services): DomainHandlers<'audit.'> => ({
  'audit.list': (input) => {
    const { entries, total } = s.audit.query(input, input.offset, input.limit);
    return ok({ entries: entries.map(view), total, offset: input.offset });
  },
  'audit.verify': () => {
    const { firstBrokenId, checked } = s.audit.check();
    return ok({ intact: firstBrokenId === null, firstBrokenId, checked });
  },
  'audit.exportCsv': (input, { session }) => {
    const { csv, rows } = auditCsv(s.audit.all(input));
    s.audit.append({ kind: 'audit.exported', actorId: session!.operatorId, actorLogin: session!.login, detail: { rows } });
    return ok({ fileName: `audit-${new Date(s.clock.now()).toISOString().slice(0, 10)}.csv`, csv, rows });
  },
});
