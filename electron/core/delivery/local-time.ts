/** Times as the counter and the gate read them: the terminal's own time zone, day and minute. */

const DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short' });
const TIME = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hour12: false });

/** "22 Nov at 14:03". */
export const dayAndTime = (at: number): string => `${DAY.format(new Date(at))} at ${TIME.format(new Date(at))}`;

/** "14:03" the same day, "22 Nov at 14:03" otherwise. */
export const timeOrDay = (at: number, now: number): string => (DAY.format(new Date(at)) === DAY.format(new Date(now)) ? TIME.format(new Date(at)) : dayAndTime(at));
