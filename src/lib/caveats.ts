import { recordKey, type Dataset, type QualityFlag } from './dataset';
import type { Metric, MetricValue } from './metrics';

/**
 * Which flags keep a figure from being stated as fact. A funding line ("Rp 30.000.000,
 * anggaran") reads as the record's own figure; when a flag says the reports contradict it, that
 * the amount covers more than this record, that the report only vaguely ties the money to it, or
 * that the excerpt stops before the amount, the line says whose figure it is ("menurut laporan
 * …") and shows the flag's note beside it.
 */

/** Flags on a record as a whole that put each of its figures in doubt. */
export const RECORD_CONTRADICTIONS: readonly QualityFlag['type'][] = ['self_contradiction', 'reports_disagree'];

/**
 * The flags that qualify a record's funding: every flag on its funding field (the curator's,
 * and reports_disagree where the reports give different amounts), and the record-wide
 * contradictions. `flags` are the record's own flags.
 */
export function fundingCaveats(flags: readonly QualityFlag[]): QualityFlag[] {
  return flags.filter((f) => f.field === 'funding' || (f.field === null && RECORD_CONTRADICTIONS.includes(f.type)));
}

/**
 * The caveats of one metric's value: the flags on each record summed that concern the whole
 * record or a field the metric reads. The metric page lists them under its figures and the
 * two-city brief names them beside each number.
 */
export function figureCaveats(dataset: Dataset, metric: Metric, value: MetricValue): QualityFlag[] {
  return value.records.flatMap((r) =>
    (dataset.flagsByRecord.get(recordKey(dataset.eventById.has(r) ? 'event' : 'facility', r)) ?? []).filter((f) => f.field === null || metric.fields.includes(f.field)),
  );
}
