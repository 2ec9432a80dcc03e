import type { BatikEvent } from '../lib/dataset';

/** One year of a city's events, as the reports tell them. */
export interface YearRow {
  /** The year the event starts (or ends, when only its end is known); null for events of unknown date. */
  year: number | null;
  events: number;
  trainings: number;
  /** Participants counted as people over the year's trainings; null when none of them reports it. */
  participants: number | null;
  /** People reported certified over the year's events; null when none reports it. */
  certified: number | null;
  exhibitions: number;
}

const add = (sum: number | null, value: number | undefined): number | null => (value === undefined ? sum : (sum ?? 0) + value);

/**
 * A city's figures per year: the same rules as the metrics (participants of trainings in
 * people, certified over every event that reports it), on each year's events. Years without
 * events are left out; events of unknown date make a last row of their own.
 */
export function yearTable(events: readonly BatikEvent[]): YearRow[] {
  const rows = new Map<number | null, YearRow>();
  for (const e of events) {
    const date = e.start_date ?? e.end_date;
    const year = date === null ? null : Number(date.slice(0, 4));
    let row = rows.get(year);
    if (!row) rows.set(year, (row = { year, events: 0, trainings: 0, participants: null, certified: null, exhibitions: 0 }));
    row.events += 1;
    if (e.kind === 'training') {
      row.trainings += 1;
      const p = e.estimates.participants;
      row.participants = add(row.participants, p && p.unit === 'people' ? p.best : undefined);
    }
    if (e.kind === 'exhibition') row.exhibitions += 1;
    row.certified = add(row.certified, e.estimates.certified?.best);
  }
  return [...rows.values()].sort((a, b) => (a.year ?? Infinity) - (b.year ?? Infinity));
}
