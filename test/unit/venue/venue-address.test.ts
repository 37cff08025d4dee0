/** The venue's addresses and codes as a terminal writes them down: never a password, always the terminal's own login. */
import { describe, expect, it } from 'vitest';
import { contract } from '../../../shared/contract';
import { formatJoinCode, joinCodeHandle, newJoinCode, unwrapVenueKey, wrapVenueKey } from '../../../electron/core/venue/join-code';
import { withUser } from '../../../electron/core/venue/venue-config';

describe('venue addresses and join codes', () => {
  it('puts the terminal\'s login into an address and drops any password, in either form', () => {
    expect(withUser('postgres://owner:secret@db.example/boxoffice?sslmode=verify-full', 'bo_abc_t3')).toBe('postgres://bo_abc_t3@db.example/boxoffice?sslmode=verify-full');
    expect(withUser('postgres://owner@db.example/boxoffice?password=secret&sslmode=require', 'bo_abc_t3')).toBe('postgres://bo_abc_t3@db.example/boxoffice?sslmode=require');
    expect(withUser('postgres:///venue?host=%2Ftmp%2Fpg&port=5432', 'bo_abc_t1')).toBe('postgres://bo_abc_t1@/venue?host=%2Ftmp%2Fpg&port=5432');
    expect(withUser('postgres://bo_abc_t1@db.example/boxoffice', null)).toBe('postgres://db.example/boxoffice');
  });

  it('refuses an address that carries a password, whichever way it is written', () => {
    const join = contract['venue.join'].input;
    const code = formatJoinCode(newJoinCode());
    expect(join.safeParse({ databaseUrl: 'postgres://db.example/boxoffice', code }).success).toBe(true);
    expect(join.safeParse({ databaseUrl: 'postgres://u:p@db.example/boxoffice', code }).success).toBe(false);
    expect(join.safeParse({ databaseUrl: 'postgres://db.example/boxoffice?password=p', code }).success).toBe(false);
  });

  it('makes codes of 160 bits in eight groups, named by six characters, that unwrap only the key they wrapped', () => {
    const codes = new Set(Array.from({ length: 200 }, () => newJoinCode()));
    expect(codes.size).toBe(200);
    const code = [...codes][0]!;
    expect(code).toMatch(/^[A-Z2-7]{32}$/);
    expect(formatJoinCode(code)).toMatch(/^([A-Z2-7]{4}-){7}[A-Z2-7]{4}$/);
    expect(joinCodeHandle(code)).toBe(code.slice(0, 6));
    const wrapped = wrapVenueKey(code, { installationId: 'venue-1', masterKey: 'a'.repeat(44) });
    expect(unwrapVenueKey(code, wrapped)).toEqual({ installationId: 'venue-1', masterKey: 'a'.repeat(44) });
    expect(() => unwrapVenueKey([...codes][1]!, wrapped)).toThrow();
    // Typed in small letters with spaces, it is the same code.
    expect(contract['venue.join'].input.parse({ databaseUrl: 'postgres://h/d', code: formatJoinCode(code).toLowerCase().replace(/-/g, ' ') }).code).toBe(code);
  });
});
