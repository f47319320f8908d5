// Partial ISO dates (YYYY, YYYY-MM, YYYY-MM-DD) as ranges of days, so filters can compare them.

/** The first day a partial date can mean, as YYYY-MM-DD. */
export function dateLowerBound(date: string): string {
  return date.length === 4 ? `${date}-01-01` : date.length === 7 ? `${date}-01` : date;
}

/** The last day a partial date can mean, as YYYY-MM-DD. */
export function dateUpperBound(date: string): string {
  if (date.length === 4) return `${date}-12-31`;
  if (date.length !== 7) return date;
  const [year, month] = date.split('-').map(Number) as [number, number];
  // Day 0 of the next month is the last day of this one.
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${date}-${String(last).padStart(2, '0')}`;
}

/**
 * Whether an event date lies wholly inside [from, to]: a date known only to the year does not
 * fall in a one-month window. Undated events are outside every range.
 */
export function dateInRange(
  date: string | null,
  from: string | undefined,
  to: string | undefined,
): boolean {
  if (from === undefined && to === undefined) return true;
  if (date === null) return false;
  if (from !== undefined && dateLowerBound(date) < dateLowerBound(from)) return false;
  if (to !== undefined && dateUpperBound(date) > dateUpperBound(to)) return false;
  return true;
}
