import { domainToUnicode } from 'node:url';
import { z } from 'zod';
import { invisibleCharacter } from './text';

/**
 * Zod schemas for single CSV cells. A cell is always a string; each schema turns it into a
 * typed value or reports an issue carrying the rule it breaks. A blank cell means "not
 * reported" and becomes null, never 0 or "".
 */

type Ctx = z.RefinementCtx;
const issue = (ctx: Ctx, rule: string, message: string) =>
  ctx.addIssue({ code: z.ZodIssueCode.custom, message, params: { rule } });

export const ruleOf = (i: z.ZodIssue): string =>
  (i.code === z.ZodIssueCode.custom && typeof i.params?.rule === 'string' ? i.params.rule : i.code);

const required = (ctx: Ctx, v: string): boolean => {
  if (v === '') issue(ctx, 'required', 'a value is required');
  return v !== '';
};

/** Free text; required unless made optional. Markup is kept as text and escaped on output. */
export const text = z.string().superRefine((v, ctx) => void required(ctx, v));
export const optionalText = z.string().transform((v) => (v === '' ? null : v));

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Ids name page folders and files: kept well under the 255 bytes a file name may have, with room for a pair of them. */
export const ID_MAX_LENGTH = 80;
function checkId(v: string, ctx: Ctx): void {
  if (!required(ctx, v)) return;
  const invisible = invisibleCharacter(v);
  if (invisible) issue(ctx, 'id-format', `the id contains an invisible or non-breaking space (${invisible})`);
  else if (v.length > ID_MAX_LENGTH) issue(ctx, 'id-length', `the id has ${v.length} characters; an id has at most ${ID_MAX_LENGTH}`);
  else if (!ID.test(v)) {
    const folded = v.trim().toLowerCase();
    const hint = ID.test(folded) ? ` (did you mean "${folded}"? ids are matched exactly, never folded)` : '';
    issue(ctx, 'id-format', `an id is lower-case letters a–z, digits and single hyphens (e.g. "kota-blitar-2023")${hint}`);
  }
}
/** A stable identifier (slug): also used in page addresses. */
export const id = z.string().superRefine(checkId);
/** A reference to another record's id; optional references are blank when absent. */
export const optionalId = z.string().superRefine((v, ctx) => void (v !== '' && checkId(v, ctx))).transform((v) => (v === '' ? null : v));

/** A list of ids separated by "|" (e.g. themes). */
export const idList = <T extends string = string>(allowed?: readonly T[]) =>
  z.string().transform((v, ctx) => {
    if (v === '') return [] as T[];
    const items = v.split('|');
    for (const item of items) {
      if (allowed && !(allowed as readonly string[]).includes(item)) issue(ctx, 'enum', `"${item}" is not one of: ${allowed.join(', ')} (items are separated by "|")`);
      else if (!allowed) checkId(item, ctx);
    }
    if (new Set(items).size !== items.length) issue(ctx, 'list-duplicate', 'an item is listed twice');
    return items as T[];
  });

/** A list of short texts separated by "|" (e.g. other names of a facility); blank is an empty list. */
export const textList = z.string().transform((v, ctx) => {
  if (v === '') return [] as string[];
  const items = v.split('|').map((x) => x.trim());
  if (items.some((x) => x === '')) issue(ctx, 'list-empty-item', 'an item of the list is empty (two "|" in a row, or one at an end)');
  return items;
});

function enumValue<T extends readonly string[]>(values: T, v: string, ctx: Ctx): T[number] {
  if (values.includes(v)) return v;
  const hint = values.find((x) => x.toLowerCase() === v.trim().toLowerCase());
  issue(ctx, 'enum', `"${v}" is not one of: ${values.join(', ')}${hint ? ` (did you mean "${hint}"? values are case-sensitive)` : ''}`);
  return z.NEVER;
}
export const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.string().transform((v, ctx) => enumValue(values, v, ctx));
export const optionalOneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.string().transform((v, ctx) => (v === '' ? null : enumValue(values, v, ctx)));

function parseWhole(v: string, ctx: Ctx): number | null {
  if (v === '') return null;
  if (/^\d+$/.test(v)) {
    const n = Number(v);
    if (!Number.isSafeInteger(n)) {
      issue(ctx, 'whole-number', 'the number is too large to be exact');
      return null;
    }
    return n;
  }
  let why = 'write digits only, with no thousands separator, decimals, sign or letters';
  if (/^-\d/.test(v)) why = 'a count cannot be negative';
  else if (/^\d{1,3}([.,]\d{3})+$/.test(v)) why = `write ${v.replace(/[.,]/g, '')} without a thousands separator (in Indonesian "1.234" means 1234, in English 1.234 is a decimal)`;
  else if (/^\d+[.,]\d+$/.test(v)) why = 'a count is a whole number, without decimals';
  else if (/^(na|n\/a|nan|null|none|-|–|\?)$/i.test(v)) why = 'leave the cell blank when the figure is not reported';
  issue(ctx, 'whole-number', `"${v}" is not a whole number: ${why}`);
  return null;
}
/** A count (0 or more). Blank means not reported. */
export const optionalCount = z.string().transform((v, ctx) => parseWhole(v, ctx));
export const count = z.string().transform((v, ctx) => (required(ctx, v) ? parseWhole(v, ctx) ?? z.NEVER : z.NEVER));

/** A decimal with a dot, e.g. a coordinate. */
export const decimal = (min: number, max: number) =>
  z.string().transform((v, ctx) => {
    if (!required(ctx, v)) return z.NEVER;
    if (!/^-?\d+(\.\d+)?$/.test(v)) {
      issue(ctx, 'decimal', `"${v}" is not a decimal number written with a dot (e.g. -7.75)`);
      return z.NEVER;
    }
    const n = Number(v);
    if (n < min || n > max) issue(ctx, 'range', `${v} is outside ${min} to ${max}`);
    return n;
  });

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Whether an ISO yyyy-mm-dd string names a real calendar day. */
export function isCalendarDay(v: string): boolean {
  const m = ISO_DAY.exec(v);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}
function checkDay(v: string, ctx: Ctx): void {
  if (!ISO_DAY.test(v)) issue(ctx, 'iso-date', `"${v}" is not a date written as YYYY-MM-DD (e.g. 2023-06-05)`);
  else if (!isCalendarDay(v)) issue(ctx, 'iso-date', `"${v}" is not a real calendar day`);
}
/** A calendar date, yyyy-mm-dd; blank when unknown. Kept as a string: never shifted by a time zone. */
export const optionalDay = z.string().transform((v, ctx) => {
  if (v === '') return null;
  checkDay(v, ctx);
  return v;
});

/** A partial date: yyyy, yyyy-mm or yyyy-mm-dd. */
export const partialDate = z.string().transform((v, ctx) => {
  if (!required(ctx, v)) return z.NEVER;
  if (/^\d{4}$/.test(v)) return v;
  if (/^\d{4}-(0[1-9]|1[0-2])$/.test(v)) return v;
  checkDay(v, ctx);
  return v;
});

export const year = z.string().transform((v, ctx) => {
  if (!/^(19|20)\d{2}$/.test(v)) {
    issue(ctx, 'year', `"${v}" is not a four-digit year`);
    return z.NEVER;
  }
  return Number(v);
});

/**
 * An absolute https: address. Common URL validators accept javascript:, data: or
 * protocol-relative addresses; this accepts only "https://host/…" with no white space or
 * control character anywhere.
 */
function checkHttps(v: string, ctx: Ctx): void {
  if (!/^https:\/\/[^\s\p{Cc}]+$/u.test(v) || invisibleCharacter(v)) {
    issue(ctx, 'https-url', `"${v}" is not an absolute https: address (it must start with "https://" and contain no spaces or control characters)`);
    return;
  }
  try {
    const url = new URL(v);
    if (url.protocol !== 'https:' || !url.hostname.includes('.')) throw new Error('host');
    const mixed = mixedScripts(url.hostname);
    if (mixed) issue(ctx, 'https-url', `the host of "${v}" mixes ${mixed} letters: it reads "${domainToUnicode(url.hostname)}" but is "${url.hostname}"`);
  } catch {
    issue(ctx, 'https-url', `"${v}" is not a well-formed https: address`);
  }
}
export const httpsUrl = z.string().superRefine((v, ctx) => void (required(ctx, v) && checkHttps(v, ctx)));

/** The kinds of letter a host name is written in; Latin, Cyrillic and Greek are told apart, as look-alikes come from them. */
const SCRIPTS: [string, RegExp][] = [
  ['Latin', /\p{Script=Latin}/u],
  ['Cyrillic', /\p{Script=Cyrillic}/u],
  ['Greek', /\p{Script=Greek}/u],
];
/**
 * When a host (given as the URL parser gives it, in punycode) is written in letters of more
 * than one kind — "jаtim" with a Cyrillic "а" — the names of those kinds ("Latin and
 * Cyrillic"); otherwise undefined. A host written wholly in one other script is not mixed.
 */
export function mixedScripts(hostname: string): string | undefined {
  const kinds = new Set<string>();
  for (const c of domainToUnicode(hostname)) {
    if (!/\p{L}/u.test(c)) continue;
    kinds.add(SCRIPTS.find(([, re]) => re.test(c))?.[0] ?? 'other');
  }
  return kinds.size > 1 ? [...kinds].join(' and ') : undefined;
}

/**
 * The original address of a report: http: or https: (many government pages were published
 * on http: and are cited as they were), with a registrable host name — no user name before
 * the host, no backslash, no bare IP address — so that the host shown as link text is the
 * host the link opens.
 */
function checkWebUrl(v: string, ctx: Ctx): void {
  if (!/^https?:\/\/[^\s\p{Cc}\\]+$/u.test(v) || invisibleCharacter(v)) {
    issue(ctx, 'web-url', `"${v}" is not an absolute http(s): address (it must start with "https://" or "http://" and contain no spaces, backslashes or control characters)`);
    return;
  }
  try {
    const url = new URL(v);
    if (url.username || url.password) issue(ctx, 'web-url', `"${v}" has a user name before its host; give the plain address`);
    else if (/^[\d.]+$/.test(url.hostname) || url.hostname.startsWith('[')) issue(ctx, 'web-url', `"${v}" points at a bare IP address, not a named host`);
    else if (!url.hostname.includes('.')) throw new Error('host');
    else if (mixedScripts(url.hostname))
      issue(ctx, 'web-url', `the host of "${v}" mixes ${mixedScripts(url.hostname)} letters, as a look-alike of another site's name does: it reads "${domainToUnicode(url.hostname)}" but is "${url.hostname}"; give the publisher's real address`);
  } catch {
    issue(ctx, 'web-url', `"${v}" is not a well-formed address`);
  }
}
export const webUrl = z.string().superRefine((v, ctx) => void (required(ctx, v) && checkWebUrl(v, ctx)));

/** A partial date (yyyy, yyyy-mm or yyyy-mm-dd), blank when unknown. */
export const optionalPartialDate = z.string().transform((v, ctx) => {
  if (v === '') return null;
  if (/^\d{4}$/.test(v) || /^\d{4}-(0[1-9]|1[0-2])$/.test(v)) return v;
  checkDay(v, ctx);
  return v;
});
