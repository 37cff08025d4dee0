/**
 * Times as the counter and the gate read them: the terminal's own time zone, day and minute. They are formatted
 * inside the catalogue's messages (ICU date skeletons `::dMMM` and `::HHmm`), so each language writes its own:
 * "22 Nov at 14:03", "22 nov. à 14:03", "22. Nov. um 14:03".
 */

const DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short' });

/** Whether two moments fall on the same day here (a time alone then says enough). */
export const sameDay = (at: number, now: number): boolean => DAY.format(new Date(at)) === DAY.format(new Date(now));
