import { describe, expect, it } from 'vitest';
import { fundingCaveats } from '../../src/lib/caveats';
import type { QualityFlag } from '../../src/lib/dataset';

/** Which of a record's flags keep its funding from being stated as fact. */
const flag = (id: string, type: QualityFlag['type'], field: string | null): QualityFlag => ({ id, record_type: 'event', record_id: 'x', field, type, note: id, note_en: id });

describe('flags that question a funding line', () => {
  it.each([
    ['vague reference on funding', flag('a', 'vague_reference', 'funding'), true],
    ['the reports disagree on funding', { ...flag('b', 'reports_disagree', 'funding'), derived: true }, true],
    ['the amount covers more than the record', flag('c', 'scope_broader', 'funding'), true],
    ['the excerpt stops before the amount', flag('d', 'excerpt_truncated', 'funding'), true],
    ['the report contradicts itself, on the record as a whole', flag('e', 'self_contradiction', null), true],
    ['the reports disagree, on the record as a whole', flag('f', 'reports_disagree', null), true],
    ['a contradiction on another field', flag('g', 'self_contradiction', 'participants'), false],
    ['a vague reference on the record as a whole', flag('h', 'vague_reference', null), false],
    ['an approximate date', flag('i', 'approximate_date', 'start_date'), false],
  ] as const)('%s: %s', (_, f, questions) => {
    expect(fundingCaveats([f])).toEqual(questions ? [f] : []);
  });

  it('keeps the order of the flags and leaves the others out', () => {
    const flags = [flag('1', 'approximate_date', 'start_date'), flag('2', 'scope_broader', 'funding'), flag('3', 'self_contradiction', null)];
    expect(fundingCaveats(flags).map((f) => f.id)).toEqual(['2', '3']);
  });
});
