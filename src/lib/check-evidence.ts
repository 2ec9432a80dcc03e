import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Indexes, Located, ProblemLog, Tables } from './check';
import { phraseStates } from './numbers';
import { decodeUtf8, invisibleCharacter, normaliseForMatch } from './text';

export interface ReportCheckOptions {
  /** Folder holding the report texts; null or missing means the evidence cannot be checked. */
  reportsDir: string | null;
  /** When true (CI, or BATIK_REQUIRE_REPORTS=1), a missing reports folder is an error. */
  requireReports: boolean;
}

/** The report files in the folder (and its context/ folder), as sources.csv names them. */
function reportFiles(dir: string): string[] {
  const list = (sub: string) =>
    existsSync(join(dir, sub)) && statSync(join(dir, sub)).isDirectory()
      ? readdirSync(join(dir, sub)).filter((f) => f.endsWith('.txt')).map((f) => (sub ? `${sub}/${f}` : f))
      : [];
  return [...list(''), ...list('context')];
}

/**
 * Every evidence phrase must appear verbatim in the report it cites (white space, quote
 * style and Unicode form aside); every report in the folder is registered; a report cited
 * for a kota must not speak only of the kabupaten of the same name. The check cannot be
 * switched off silently: an empty or unreadable report is an error, and a missing folder is
 * an error where reports are required and a warning of its own otherwise.
 */
export function checkEvidence(log: ProblemLog, t: Tables, ix: Indexes, options: ReportCheckOptions): void {
  if (!t.sources) return;
  const dir = options.reportsDir;
  if (!dir || !existsSync(dir) || !statSync(dir).isDirectory()) {
    log.problems.push({
      severity: options.requireReports ? 'error' : 'warning',
      file: 'sources.csv',
      rule: 'reports-missing',
      message: `the reports folder ${dir ?? '(not set)'} is not available, so no evidence phrase was checked against its report (set BATIK_REPORTS_DIR)`,
    });
    return;
  }
  const texts = new Map<string, string>();
  for (const s of t.sources) {
    const file = s.value.report_file;
    const path = join(dir, file);
    if (!existsSync(path) || !statSync(path).isFile()) {
      log.error(s, 'report_file', file, 'report-file', `the report file is not in ${dir}`);
      continue;
    }
    const decoded = decodeUtf8(readFileSync(path));
    if ('badByte' in decoded) {
      log.error(s, 'report_file', file, 'report-encoding', `the report ${file} is not valid UTF-8 (first bad byte at offset ${decoded.badByte}, line ${decoded.badLine}); save it as UTF-8`);
      continue;
    }
    if (decoded.text.trim() === '') {
      log.error(s, 'report_file', file, 'report-empty', `the report ${file} is empty, so nothing citing it can be checked; save the report's text in it`);
      continue;
    }
    texts.set(s.value.id, normaliseForMatch(decoded.text));
  }
  const registered = new Set(t.sources.map((s) => s.value.report_file));
  for (const file of reportFiles(dir))
    if (!registered.has(file))
      log.problems.push({ severity: 'error', file: 'sources.csv', rule: 'report-unregistered', value: file, message: `the report ${file} in ${dir} has no row in sources.csv: register it, with the records it supports or the reason it was rejected` });

  const phrase = (r: Located<unknown>, sourceId: string, column: string, value: string | null) => {
    if (value === null) return;
    const text = texts.get(sourceId);
    if (text === undefined || text.includes(normaliseForMatch(value))) return;
    const invisible = invisibleCharacter(value);
    const hint = invisible && text.includes(normaliseForMatch(value.replace(/[\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000\p{Cf}]/gu, (ch) => (/\s/u.test(ch) ? ' ' : ''))))
      ? ` — it would match without the invisible character ${invisible} in the phrase`
      : '';
    log.error(r, column, value, 'evidence-not-found', `the phrase is not in the report of source "${sourceId}" (${ix.sources.get(sourceId)?.value.report_file}); copy it verbatim from the report${hint}`);
  };
  const namesCity = (r: Located<unknown>, sourceId: string, cityId: string) => {
    const text = texts.get(sourceId)?.toLowerCase();
    const city = ix.cities.get(cityId)?.value;
    if (!text || !city || city.kind !== 'kota') return;
    const base = city.name.replace(/^(kota|kabupaten)\s+/i, '').toLowerCase();
    // Indonesian and English ways of naming the city (not the regency).
    const kota = [`kota ${base}`, `pemkot ${base}`, `wali kota ${base}`, `walikota ${base}`, `${base} city`, `city of ${base}`, `mayor of ${base}`].some((n) => text.includes(n));
    const kabupaten = [`kabupaten ${base}`, `kab. ${base}`, `pemkab ${base}`, `bupati ${base}`].some((n) => text.includes(n));
    if (kabupaten && !kota)
      log.error(r, 'source', sourceId, 'kota-not-kabupaten', `the report of "${sourceId}" speaks of Kabupaten ${base[0]!.toUpperCase()}${base.slice(1)}, not ${city.name}: records are keyed to the kota; register the report as rejected (kabupaten)`);
    else if (!kota && !explained.has(sourceId))
      log.warn(r, 'source', sourceId, 'kota-not-named', `the report of "${sourceId}" never names ${city.name}; check that it is about the city and not the regency, and if the places it names show it is, add a flag of type kota_by_place on the source saying which`);
  };

  // A report that names no kota but only places in it (a kelurahan, a centre) is explained by a flag.
  const explained = new Set((t.flags ?? []).filter((f) => f.value.record_type === 'source' && f.value.type === 'kota_by_place').map((f) => f.value.record_id));
  const checkedPairs = new Set<string>();
  for (const c of t.claims ?? []) {
    const v = c.value;
    phrase(c, v.source, 'evidence', v.evidence);
    const record = ix.records[v.record_type].get(v.record_id)?.value;
    const pair = `${v.source}:${record?.city}`;
    if (record && !checkedPairs.has(pair)) {
      checkedPairs.add(pair);
      namesCity(c, v.source, record.city);
    }
  }
  for (const o of t.organisations ?? []) o.value.variants.forEach((v, i) => phrase(o, v.source, `variants.${i}.name`, v.name));
  for (const p of t.population ?? []) {
    phrase(p, p.value.source, 'evidence', p.value.evidence);
    if (!phraseStates(p.value.evidence, p.value.value))
      log.error(p, 'value', String(p.value.value), 'figure-not-in-evidence', `the evidence phrase does not state ${p.value.value}`);
  }

}
