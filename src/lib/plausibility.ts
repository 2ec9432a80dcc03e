/**
 * The bounds outside which a figure or a date is almost surely a typing error, in one place.
 * They are set well beyond anything the reports state (the largest crowd reported is about
 * 10,000 people at a mass batik event, the longest programme 57 days, the oldest event an
 * 1883 exhibition), so a real figure is never refused; raise a bound here, with the report
 * that needs it, if one ever is. data/README.md quotes them.
 */
export const PLAUSIBLE = {
  /** Smallest and largest whole number a report can state, per claim field. */
  counts: {
    participants: [0, 100_000],
    certified: [0, 10_000],
    trainer_count: [0, 1_000],
    duration_days: [1, 366],
    /** The year of a policy. */
    year: [1945, 2100],
  },
  /** Largest amount of money, in rupiah (ten trillion: far beyond any city's whole budget). */
  rupiah: 10_000_000_000_000,
  /** Earliest year an event or a facility status may be dated (the reports recall 19th-century exhibitions). */
  firstEventYear: 1800,
  /** Earliest year a report may be published (the reports are online news). */
  firstPublicationYear: 1990,
  /** Largest population of a city. */
  population: 20_000_000,
} as const;
