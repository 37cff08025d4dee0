/**
 * What other terminals of the venue change, as it happens. While a session is active one loop asks
 * core `live.wait` (a long poll: it answers with the changes since the last cursor, or with none after
 * a while) and hands each batch to the screens that listen. Screens reload what they show when a change
 * concerns it; a batch with `reload` (changes were missed) concerns every screen.
 *
 * On this computer only there is nobody else: the loop does not run (core would answer after the wait
 * with no changes).
 */
import { useEffect, useRef } from 'react';
import type { LiveChange } from '../../../shared/venue-views';
import { call } from './api';

/** Pause after a refused or failed wait (venue unreachable, session ending), so the loop never spins. */
const RETRY_MS = 2_000;

interface LiveBatchEvent {
  changes: LiveChange[];
  reload: boolean;
}

type Listener = (batch: LiveBatchEvent) => void;

const listeners = new Set<Listener>();

/** Hands a batch to every listening screen (exported for the loop and for tests). */
export function publishLive(batch: LiveBatchEvent): void {
  for (const listener of [...listeners]) listener(batch);
}

/** Listens to every batch; returns the function that stops listening. */
export function subscribeLive(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/**
 * The live loop, for the signed-in shell: it runs while the component that calls it is mounted (the
 * shell is only shown while the session is active; sign-out, the idle lock and a blocked terminal unmount it).
 */
export function useLiveFeed(enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    let stopped = false;
    let wake: (() => void) | null = null;
    const pause = (ms: number) =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, ms);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });

    void (async () => {
      let cursor = 0;
      while (!stopped) {
        const result = await call((a) => a.live.wait({ after: cursor }));
        if (stopped) break;
        if (!result.ok) {
          await pause(RETRY_MS);
          continue;
        }
        cursor = result.value.cursor;
        if (result.value.changes.length || result.value.reload) publishLive({ changes: result.value.changes, reload: result.value.reload });
      }
    })();

    return () => {
      stopped = true;
      wake?.();
    };
  }, [enabled]);
}

/**
 * Calls `onChange` once per batch that holds a change `concerns` accepts, or that asks every screen to
 * reload. The latest `concerns` and `onChange` are used, so a screen may pass inline functions.
 */
export function useLiveChange(concerns: (change: LiveChange) => boolean, onChange: () => void): void {
  const latest = useRef({ concerns, onChange });
  useEffect(() => {
    latest.current = { concerns, onChange };
  });
  useEffect(
    () =>
      subscribeLive((batch) => {
        if (batch.reload || batch.changes.some((c) => latest.current.concerns(c))) latest.current.onChange();
      }),
    [],
  );
}
