/** What screens see of emergency codes. The code itself only once, in the answer that issues it. */

/** The answer to issuing: the code, shown to the admin once and never again (the store keeps only a keyed hash). */
export interface EmergencyCodeIssued {
  /** "ABCD-EFGH-JKMN": read aloud or typed; case, spaces and dashes do not matter. */
  code: string;
  /** It stops working then (epoch ms), one hour after it was issued. */
  expiresAt: number;
}

/** A code still usable: not used, not revoked, not expired. */
export interface EmergencyCodeView {
  id: number;
  operatorId: number;
  operatorLogin: string;
  operatorName: string;
  /** The admin who issued it (her login; the id when her account is gone). */
  issuedBy: string;
  issuedAt: number;
  expiresAt: number;
}
