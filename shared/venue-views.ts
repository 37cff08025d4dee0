/** What the venue screens show: terminals, join codes and the live feed of other terminals' changes. */

export type TerminalKind = 'desk' | 'gate';

export interface TerminalView {
  id: number;
  name: string;
  kind: TerminalKind;
  joinedAt: number;
  /** Login of the admin who added it (or set up the venue). */
  joinedBy: string | null;
  /** Last call this terminal made on the venue database. */
  lastSeenAt: number | null;
  revokedAt: number | null;
  revokedBy: string | null;
  /** The terminal this list is shown on. */
  thisTerminal: boolean;
}

/** A join code as an admin shows it to the terminal that joins: text and QR code, valid 15 minutes, once. */
export interface JoinCodeView {
  /** Eight groups of four characters (160 bits): the first six characters name the code, the other 26 (130 bits) are its secret. */
  code: string;
  /** The database address the joining terminal enters (never a password). */
  databaseAddress: string;
  /** Set by the database's clock. */
  expiresAt: number;
  name: string;
  kind: TerminalKind;
  /** The code as a QR code (an SVG document), for a terminal with a barcode scanner in the Join code field. */
  qrSvg: string;
}

/** This terminal's place: on its own (SQLite) or joined to a venue (PostgreSQL). */
export interface VenueMembership {
  mode: 'local' | 'venue';
  terminal: { id: number; name: string; kind: TerminalKind } | null;
}

/** What changed at another terminal (ids only: never a secret, never personal data). */
export type LiveChangeKind = 'order' | 'scan' | 'operators' | 'settings' | 'terminals';

export interface LiveChange {
  kind: LiveChangeKind;
  /** The order's id (order), the event's id (scan); null for the lists. */
  ref: number | null;
}

export interface LiveBatch {
  /** Pass it back as `after` to wait for the next changes. */
  cursor: number;
  changes: LiveChange[];
  /** Changes were missed (this terminal was away longer than the change log keeps): reload what is shown. */
  reload: boolean;
}

export interface GateCounts {
  eventId: number;
  gate: string;
  thisGate: { admitted: number; refused: number };
  venue: { admitted: number; refused: number };
}
