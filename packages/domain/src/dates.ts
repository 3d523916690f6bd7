/** Calendar arithmetic on ISO dates (`YYYY-MM-DD`), always in UTC so a day means the same on every server. */
const DAY_MS = 86_400_000;

/** Whole days from `from` to `to` (negative when `to` comes first). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/** ISO dates compare as strings, so the later of two needs no parsing. */
export const laterDay = (a: string, b: string): string => (a > b ? a : b);

/** Today's date in UTC (a day means the same on every server and in every browser). */
export const todayUtc = (now: Date = new Date()): string => now.toISOString().slice(0, 10);
