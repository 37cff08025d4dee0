/** The audit log as screens see it. Entries never hold a password, code, seed or token. */
export interface AuditEntryView {
  id: number;
  at: number;
  kind: string;
  actorLogin: string | null;
  subject: string | null;
  terminal: string;
  detail: Record<string, string | number | boolean | null>;
}

export interface AuditPage {
  entries: AuditEntryView[];
  total: number;
  offset: number;
}

export interface AuditVerification {
  intact: boolean;
  /** The first entry whose chain is broken (edited, or the one after a deleted entry). */
  firstBrokenId: number | null;
  checked: number;
}
