/** The audit log as screens see it. Entries never hold a password, code, seed or token. */
export interface AuditEntryView {
  id: number;
  at: number;
  kind: string;
  actorLogin: string | null;
  subject: string | null;
  terminal: string;
  /** Empty when the stored detail cannot be read; `unreadable` then holds the first characters stored. */
  detail: Record<string, string | number | boolean | null>;
  unreadable: string | null;
}

export interface AuditPage {
  entries: AuditEntryView[];
  total: number;
  offset: number;
}

export interface AuditVerification {
  intact: boolean;
  /** The first bad or missing entry: edited, following a removed one, without a seal, or the first cut from the end. */
  firstBrokenId: number | null;
  checked: number;
  problem: 'edited' | 'unsealed' | 'missing' | 'replaced' | 'unreadable' | 'anchor' | null;
  /** For people: what is wrong and where; null when intact. */
  message: string | null;
  /** Entries whose detail cannot be read (at most 100). */
  unreadableIds: number[];
}
