/** Handlers of the audit log. */
import { ok } from '../../../shared/result';
import { auditCsv } from '../audit/audit-csv';
import type { AuditEntryView } from '../../../shared/audit-views';
import type { AuditEntry } from '../audit/audit-log';
import { problemMessage } from '../audit/audit-seal';
import { sessionLocale } from '../delivery/locale';
import type { DomainHandlers, Services } from './index';

const view = (e: AuditEntry): AuditEntryView => ({
  id: e.id,
  at: e.at,
  kind: e.kind,
  actorLogin: e.actorLogin,
  subject: e.subject,
  terminal: e.terminal,
  detail: e.detail,
  unreadable: e.unreadable ? e.rawDetail.slice(0, 200) : null,
});

export const auditHandlers = (s: Services): DomainHandlers<'audit.'> => ({
  'audit.list': async (input) => {
    const { entries, total } = await s.audit.query(input, input.offset, input.limit);
    return ok({ entries: entries.map(view), total, offset: input.offset });
  },
  'audit.verify': async (_input, { session }) => {
    const check = await s.audit.check();
    const message = problemMessage(check, sessionLocale(session, s.settings));
    return ok({ intact: check.problem === null, firstBrokenId: check.firstBrokenId, checked: check.checked, problem: check.problem, message, unreadableIds: check.unreadableIds });
  },
  'audit.exportCsv': async (input, { session }) => {
    const { csv, rows } = await auditCsv(s.audit.all(input));
    await s.audit.append({ kind: 'audit.exported', actorId: session!.operatorId, actorLogin: session!.login, detail: { rows } });
    return ok({ fileName: `audit-${new Date(s.clock.now()).toISOString().slice(0, 10)}.csv`, csv, rows });
  },
});
