import { latestStatus, type Dataset } from './dataset';
import { HEADLINE_METRICS, type MetricId } from './metrics';
import type { CityProfile } from './summarise';

/**
 * A city's headline figures for its profile card (an embed), each with the part of it that
 * is not a plain count, so the card never shows a target, an inference or a building not yet
 * built as if it were counted: Blitar's 70 participants are a target; a certification figure
 * may be inferred from "participants receive a certificate"; a facility may be only planned.
 */
export interface ProfileFigure {
  metric: MetricId;
  value: number | null;
  low: number | null;
  high: number | null;
  /** The part of the value that is a target ("sasaran") rather than a count. */
  target: number;
  /** The part of the value inferred from a report's text rather than stated. */
  inferred: number;
  /** Facilities counted that are only planned or under construction. */
  notBuilt: number;
}

export function profileFigures(dataset: Dataset, profile: CityProfile, metrics: readonly MetricId[] = HEADLINE_METRICS): ProfileFigure[] {
  return metrics.map((metric) => {
    const v = profile.metrics[metric];
    let [target, inferred, notBuilt] = [0, 0, 0];
    if (metric === 'participants' && v.value !== null) target = profile.participantsFromTargets;
    if (metric === 'certified')
      for (const id of v.records) {
        const e = dataset.eventById.get(id);
        // The same figure the metric sums: the certified count, or who sat a certification round.
        const figure = e?.estimates.certified ?? (e?.kind === 'certification' && e.estimates.participants?.unit === 'people' ? e.estimates.participants : undefined);
        if (figure?.basis === 'inferred') inferred += figure.best;
      }
    if (metric === 'facilities')
      for (const id of v.records) {
        const status = latestStatus(dataset.facilityById.get(id) ?? { statuses: [] })?.status;
        if (status === 'planned' || status === 'under_construction') notBuilt += 1;
      }
    return { metric, value: v.value, low: v.low, high: v.high, target, inferred, notBuilt };
  });
}
