/** The audit log as CSV (RFC 4180). Cells that a spreadsheet would run as a formula are defused with a leading quote. */
import type { AuditEntry } from './audit-log';

const HEADER = ['id', 'time', 'kind', 'operator', 'subject', 'terminal', 'detail', 'hash'];

function cell(value: string | number | null): string {
  let text = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Entries as the log yields them (a page at a time from the store) or as a list. */
export async function auditCsv(entries: AsyncIterable<AuditEntry> | Iterable<AuditEntry>): Promise<{ csv: string; rows: number }> {
  const lines = [HEADER.join(',')];
  for await (const e of entries) {
    // A damaged row is exported as it is, marked, never dropped and never a failed export.
    const detail = e.unreadable ? `[unreadable] ${e.rawDetail.slice(0, 500)}` : JSON.stringify(e.detail);
    lines.push([e.id, isoTime(e.at), e.kind, e.actorLogin, e.subject, e.terminal, detail, e.hash].map(cell).join(','));
  }
  return { csv: lines.join('\r\n') + '\r\n', rows: lines.length - 1 };
}

const isoTime = (at: number): string => {
  const date = new Date(at);
  return Number.isNaN(date.getTime()) ? String(at) : date.toISOString();
};
