import { execFile } from 'node:child_process';
import { relative } from 'node:path';
import { createRequire } from 'node:module';
import { HtmlValidate, type ConfigData } from 'html-validate';

/**
 * Two HTML checkers over built pages: html-validate (fast, in process, with the
 * recommended rule set) and the Nu HTML Checker (vnu.jar, the W3C validator's engine),
 * which knows the HTML and SVG content models in more depth.
 */
export const HTML_VALIDATE_CONFIG: ConfigData = {
  extends: ['html-validate:recommended'],
  rules: {
    // Turned off, each for a reason that is not validity or accessibility:
    //
    // long-title — a search-snippet heuristic (titles over 70 characters get cut in search
    // results). A page title here is the record's own name, verbatim from the report, plus
    // the site name; WCAG 2.4.2 asks for titles that describe the page, not short ones, and
    // the hostile fixture's 300-character names would trip it by design.
    'long-title': 'off',
  },
};

export interface HtmlError {
  file: string;
  line: number;
  column: number;
  rule: string;
  message: string;
  /** The element, where the checker names one. */
  where: string;
}

export const describeHtmlErrors = (errors: readonly HtmlError[]): string[] =>
  errors.map((e) => `${relative(process.cwd(), e.file)}:${e.line}:${e.column} [${e.rule}] ${e.message}${e.where ? ` (${e.where})` : ''}`);

/** html-validate over every file: every error (warnings are not reported). */
export async function htmlErrors(files: readonly string[], config: ConfigData = HTML_VALIDATE_CONFIG): Promise<HtmlError[]> {
  const validator = new HtmlValidate(config);
  const out: HtmlError[] = [];
  for (const file of files) {
    const report = await validator.validateFile(file);
    for (const result of report.results)
      for (const m of result.messages)
        if (m.severity === 2) out.push({ file, line: m.line, column: m.column, rule: m.ruleId, message: m.message, where: m.selector ?? '' });
  }
  return out;
}

const require = createRequire(import.meta.url);
/** The checker's jar, shipped inside the vnu-jar npm package (no download at run time). */
export const VNU_JAR: string = String(require('vnu-jar'));

interface VnuMessage {
  type: string;
  subType?: string;
  url?: string;
  lastLine?: number;
  firstColumn?: number;
  lastColumn?: number;
  message: string;
  extract?: string;
}

/**
 * The Nu HTML Checker over every file in one Java process (it is slow to start): errors
 * only. A checker that cannot run is an error, not a pass.
 */
export function vnuErrors(files: readonly string[]): Promise<HtmlError[]> {
  if (files.length === 0) return Promise.resolve([]);
  return new Promise((resolve, reject) => {
    execFile('java', ['-jar', VNU_JAR, '--errors-only', '--format', 'json', ...files], { maxBuffer: 64 * 1024 * 1024 }, (error, _stdout, stderr) => {
      let parsed: { messages: VnuMessage[] };
      try {
        parsed = JSON.parse(stderr) as { messages: VnuMessage[] };
      } catch {
        reject(new Error(`the Nu HTML Checker did not run (${error?.message ?? 'no JSON output'}): ${stderr.slice(0, 500)}`));
        return;
      }
      resolve(
        parsed.messages
          .filter((m) => m.type === 'error' || m.type === 'non-document-error' || m.subType === 'fatal')
          .map((m) => ({
            file: m.url ? decodeURIComponent(m.url.replace(/^file:/, '')) : '(checker)',
            line: m.lastLine ?? 0,
            column: m.firstColumn ?? m.lastColumn ?? 0,
            rule: `vnu:${m.type}`,
            message: m.message,
            where: m.extract?.replace(/\s+/g, ' ').trim() ?? '',
          })),
      );
    });
  });
}
