/** Who does what in each round of the two-process race; shared by the worker and the test. */
export type RaceMode = 'mobile' | 'print';

/**
 * Round kinds, in turn: A mobile vs B print, A print vs B mobile, both print, both mobile. In a mixed
 * round the mobile side waits 0–35 ms, so it lands before, during or after the other's PDF render.
 */
export function raceMode(round: number, side: 'A' | 'B'): { mode: RaceMode; delayMs: number } {
  const kind = round % 4;
  const mode: RaceMode = kind === 2 ? 'print' : kind === 3 ? 'mobile' : (kind === 0) === (side === 'A') ? 'mobile' : 'print';
  const mixed = kind < 2;
  return { mode, delayMs: mixed && mode === 'mobile' ? (round * 7919) % 36 : 0 };
}
