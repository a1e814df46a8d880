/**
 * Timestamp helpers usable inside lambdas. Each is plain JavaScript (the DirectRunner calls
 * it) and the translator maps each to SQL by name. All work in UTC.
 */

const DAY_MS = 86_400_000;

/** Midnight UTC of the timestamp's day. */
export function truncDay(ts: Date): Date {
  return new Date(Math.floor(ts.getTime() / DAY_MS) * DAY_MS);
}

/** Midnight UTC of the Monday starting the timestamp's ISO week. */
export function truncWeek(ts: Date): Date {
  const day = truncDay(ts);
  const sinceMonday = (day.getUTCDay() + 6) % 7;
  return new Date(day.getTime() - sinceMonday * DAY_MS);
}

/** Midnight UTC of the first day of the timestamp's month. */
export function truncMonth(ts: Date): Date {
  // setUTCFullYear, unlike Date.UTC, does not read years 0–99 as 1900–1999.
  const month = new Date(0);
  month.setUTCFullYear(ts.getUTCFullYear(), ts.getUTCMonth(), 1);
  return month;
}

/** Whole seconds from `start` to `end`, truncated toward zero (negative if `end` is earlier). */
export function diffSeconds(end: Date, start: Date): number {
  return Math.trunc((end.getTime() - start.getTime()) / 1000);
}

/** Whole 24-hour days from `start` to `end`, truncated toward zero. */
export function diffDays(end: Date, start: Date): number {
  return Math.trunc((end.getTime() - start.getTime()) / DAY_MS);
}

/** `ts` plus a whole number of seconds. */
export function addSeconds(ts: Date, seconds: number): Date {
  return new Date(ts.getTime() + seconds * 1000);
}

/** Calendar year (UTC). */
export function year(ts: Date): number {
  return ts.getUTCFullYear();
}

/** Month 1–12 (UTC). */
export function month(ts: Date): number {
  return ts.getUTCMonth() + 1;
}

/** Day of month 1–31 (UTC). */
export function dayOfMonth(ts: Date): number {
  return ts.getUTCDate();
}

/** ISO day of week: Monday 1 … Sunday 7 (UTC). */
export function isoDayOfWeek(ts: Date): number {
  return ((ts.getUTCDay() + 6) % 7) + 1;
}

/** Hour 0–23 (UTC). */
export function hour(ts: Date): number {
  return ts.getUTCHours();
}

/** The UTC calendar date of a timestamp, as a DATE (`YYYY-MM-DD`). */
export function toDate(ts: Date): string {
  return ts.toISOString().slice(0, 10);
}

/** Whole seconds since the Unix epoch, rounded down (as BigQuery's UNIX_SECONDS). */
export function unixSeconds(ts: Date): number {
  return Math.floor(ts.getTime() / 1000);
}
