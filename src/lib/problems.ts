/**
 * A problem found in a data file. Every problem names where it is (file, physical line,
 * data row, column), the offending value and the rule it breaks, so a curator can go
 * straight to the cell in a spreadsheet.
 */
export type Severity = 'error' | 'warning';

export interface Problem {
  severity: Severity;
  file: string;
  /** Physical line in the file, 1-based, counting the header (CSV) or the line of the node (JSON). */
  line?: number | undefined;
  /** Data row, 1-based, not counting the header (CSV) or the array index + 1 (JSON). */
  row?: number | undefined;
  column?: string | undefined;
  value?: string | undefined;
  rule: string;
  message: string;
}

export function formatProblem(p: Problem): string {
  const where = [p.file, p.line !== undefined ? `:${p.line}` : ''].join('');
  const parts = [where];
  if (p.row !== undefined) parts.push(`row ${p.row}`);
  if (p.column !== undefined) parts.push(`column "${p.column}"`);
  if (p.value !== undefined) parts.push(`value ${JSON.stringify(p.value)}`);
  return `${p.severity.toUpperCase()} ${parts.join(', ')} [${p.rule}]: ${p.message}`;
}

export function formatProblems(problems: readonly Problem[]): string {
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  return [
    ...problems.map(formatProblem),
    `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`,
  ].join('\n');
}

export const hasErrors = (problems: readonly Problem[]): boolean =>
  problems.some((p) => p.severity === 'error');
