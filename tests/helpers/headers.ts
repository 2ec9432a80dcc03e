import { readFileSync } from 'node:fs';

/**
 * The rules of a _headers file (Netlify / Cloudflare Pages format) and the headers a path
 * gets from them. Like those hosts, every rule whose pattern matches contributes: values of
 * the same header from several rules are all kept, which is how a path could end up with
 * both a deny and an allow framing policy.
 */
export interface HeaderRule {
  pattern: string;
  headers: [string, string][];
}

export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) rules.push({ pattern: line.trim(), headers: [] });
    else {
      const [name, ...value] = line.trim().split(':');
      rules.at(-1)!.headers.push([name!.trim(), value.join(':').trim()]);
    }
  }
  return rules;
}

export const readHeadersFile = (path: string) => parseHeadersFile(readFileSync(path, 'utf8'));

const toRegExp = (pattern: string) =>
  new RegExp(`^${pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);

/** Every header value that applies to a path, by lower-cased header name. */
export function headersFor(rules: readonly HeaderRule[], path: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const rule of rules) {
    if (!toRegExp(rule.pattern).test(path)) continue;
    for (const [name, value] of rule.headers) {
      const key = name.toLowerCase();
      out.set(key, [...(out.get(key) ?? []), value]);
    }
  }
  return out;
}
