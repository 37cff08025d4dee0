/**
 * How long the event loop was unavailable: the longest gap between ticks of a short timer, i.e. how long
 * any other call (a click, a scan) would have waited. Used by behaviour tests (with generous bounds) and by
 * the bench (which prints the figure against its goal).
 */
export function stallProbe(intervalMs = 1) {
  let last = performance.now();
  let worst = 0;
  let ticks = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    worst = Math.max(worst, now - last);
    last = now;
    ticks += 1;
  }, intervalMs);
  return {
    /** Stops the timer; the longest gap in milliseconds, the one still open included. */
    stop: () => {
      clearInterval(timer);
      return Math.max(worst, performance.now() - last);
    },
    ticks: () => ticks,
  };
}

/** The longest gap while `work` runs, and how many ticks got through. */
export async function longestGap<T>(work: () => Promise<T>, intervalMs = 2): Promise<{ value: T; gapMs: number; ticks: number }> {
  const probe = stallProbe(intervalMs);
  try {
    const value = await work();
    return { value, gapMs: probe.stop(), ticks: probe.ticks() };
  } finally {
    probe.stop();
  }
}
