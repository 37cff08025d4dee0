/**
 * The web shell's seats: the id a browser tab (or a script's cookie jar) is known by, carried in an
 * HttpOnly cookie. Cookies on 127.0.0.1 are shared by every port, so a page served from another
 * local port can plant one; only ids this process issued are honoured, and a sign-in step moves
 * the session to a new id (session fixation). Issued ids carry a MAC under a per-launch key, so a
 * script that never keeps its cookie does not grow a list of issued ids without end.
 */
import crypto from 'node:crypto';

const SEAT_PATTERN = /^([A-Za-z0-9_-]{43})\.([A-Za-z0-9_-]{43})$/;

export interface SeatOfCall {
  seat: string;
  /** The cookie must be (re)set: the caller brought no seat of ours. */
  issued: boolean;
}

export class Seats {
  private readonly key = crypto.randomBytes(32);
  /** Rotated away: they stay ours (no fresh cookie), but never again name a session. Bounded by successful sign-in steps. */
  private readonly retired = new Set<string>();

  /** Each instance its own cookie name (known once the port is): two web shells on one computer share the host, not the cookie. */
  constructor(private readonly cookieName: () => string) {}

  /**
   * The seat a call runs on. A rotated-away id is answered on a throwaway seat without a new cookie:
   * a call that was under way while the tab signed in must not overwrite the tab's new cookie.
   */
  of(cookieHeader: string | undefined): SeatOfCall {
    const given = this.fromCookie(cookieHeader);
    if (given && this.retired.has(given)) return { seat: crypto.randomBytes(32).toString('base64url'), issued: false };
    if (given) return { seat: given, issued: false };
    return { seat: this.issue(), issued: true };
  }

  /** A new id for the caller of a sign-in step; the old one stops naming anything. */
  rotate(old: string): string {
    if (this.isOurs(old)) this.retired.add(old);
    return this.issue();
  }

  cookie(seat: string): string {
    return `${this.cookieName()}=${seat}; Path=/api; HttpOnly; SameSite=Strict`;
  }

  private issue(): string {
    const id = crypto.randomBytes(32).toString('base64url');
    return `${id}.${this.mac(id)}`;
  }

  private mac(id: string): string {
    return crypto.createHmac('sha256', this.key).update(id).digest('base64url');
  }

  private isOurs(seat: string): boolean {
    const match = SEAT_PATTERN.exec(seat);
    if (!match) return false;
    const expected = Buffer.from(this.mac(match[1]!));
    const given = Buffer.from(match[2]!);
    return given.length === expected.length && crypto.timingSafeEqual(given, expected);
  }

  private fromCookie(header: string | undefined): string | null {
    for (const part of (header ?? '').split(';')) {
      const at = part.indexOf('=');
      if (at < 0 || part.slice(0, at).trim() !== this.cookieName()) continue;
      const value = part.slice(at + 1).trim();
      if (this.isOurs(value)) return value;
    }
    return null;
  }
}
