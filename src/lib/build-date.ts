/**
 * The date of the build, as an ISO calendar day (UTC), for what a file says of its own age:
 * the chart images carry it. BATIK_BUILD_DATE (YYYY-MM-DD) or SOURCE_DATE_EPOCH (seconds, the
 * reproducible-builds convention) pin it, so two builds of the same data can be identical.
 */
export function buildDate(env: Record<string, string | undefined> = process.env, now: Date = new Date()): string {
  const pinned = env.BATIK_BUILD_DATE;
  if (pinned !== undefined && pinned !== '') {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(pinned) || Number.isNaN(Date.parse(`${pinned}T00:00:00Z`))) throw new Error(`BATIK_BUILD_DATE must be a date as YYYY-MM-DD, not "${pinned}"`);
    return pinned;
  }
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch !== '') {
    if (!/^\d+$/.test(epoch)) throw new Error(`SOURCE_DATE_EPOCH must be a whole number of seconds, not "${epoch}"`);
    return new Date(Number(epoch) * 1000).toISOString().slice(0, 10);
  }
  return now.toISOString().slice(0, 10);
}
