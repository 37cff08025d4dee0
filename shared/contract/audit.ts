/** Channels of the audit log: read with filters, verify the hash chain, export as CSV. */
import { z } from 'zod';
import type { AuditPage, AuditVerification } from '../audit-views';
import { channel, empty } from './define';
import { text } from '../text';

export const auditFilter = z
  .object({
    operator: text({ min: 0, max: 64 }).optional(),
    kind: text({ min: 0, max: 64 }).optional(),
    from: z.number().int().nonnegative().optional(),
    to: z.number().int().nonnegative().optional(),
  })
  .strict();

export const auditChannels = {
  'audit.list': channel<AuditPage>()({
    input: auditFilter.extend({ offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(500).default(50) }).strict(),
    access: 'audit.read',
    summary: 'Audit entries, newest first, filtered by operator login, kind (prefix, e.g. "auth.") and time range, paged.',
    returns: '`{ entries, total, offset }`',
    errors: [],
  }),
  'audit.verify': channel<AuditVerification>()({
    input: empty,
    access: 'audit.read',
    summary: 'Checks the hash chain of the whole log; names the first entry that was edited, or follows a deleted one.',
    returns: '`{ intact, firstBrokenId, checked }`',
    errors: [],
  }),
  'audit.exportCsv': channel<{ fileName: string; csv: string; rows: number }>()({
    input: auditFilter,
    access: 'audit.read',
    summary: 'The filtered log as CSV (id, time, kind, operator, subject, terminal, detail, hash), oldest first.',
    returns: '`{ fileName, csv, rows }`',
    errors: [],
  }),
} as const;
