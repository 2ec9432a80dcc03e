import { findNodeAtLocation, getNodeValue, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { Problem } from './problems';
import { decodeUtf8, looksLikeUtf16, unsafeText, UTF16_MESSAGE } from './text';

export interface JsonDocument {
  value: unknown;
  /** Line of each element of a top-level array, for problems about one record. */
  elementLines: number[];
  /** Line of the value at a path (e.g. [3, "variants", 0, "source"]), if it exists. */
  lineOf(path: (string | number)[]): number | undefined;
}

/** Deeper nesting than any record needs; refused before parsing, which would otherwise recurse until the stack runs out. */
const MAX_DEPTH = 16;

/** The offset at which nesting first goes deeper than MAX_DEPTH, or undefined. */
function tooDeep(text: string): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') {
      if (++depth > MAX_DEPTH) return i;
    } else if (c === '}' || c === ']') depth--;
  }
  return undefined;
}

/**
 * Read a JSON file strictly: UTF-8, no comments, no trailing commas, no duplicate keys
 * (JSON.parse silently keeps the last one) and no "__proto__" keys (which would change an
 * object's prototype when the value is built).
 */
export function parseJson(bytes: Uint8Array, file: string): { document?: JsonDocument; problems: Problem[] } {
  const problems: Problem[] = [];
  if (looksLikeUtf16(bytes)) {
    problems.push({ severity: 'error', file, line: 1, rule: 'utf-16', message: UTF16_MESSAGE });
    return { problems };
  }
  const decoded = decodeUtf8(bytes);
  if ('badLine' in decoded) {
    problems.push({ severity: 'error', file, line: decoded.badLine, rule: 'utf-8', message: 'bytes that are not valid UTF-8 on this line; save the file as UTF-8' });
    return { problems };
  }
  const text = decoded.text.startsWith('\uFEFF') ? decoded.text.slice(1) : decoded.text;
  const lineAt = (offset: number) => text.slice(0, offset).split('\n').length;
  if (text.trim() === '') {
    problems.push({ severity: 'error', file, line: 1, rule: 'not-empty', message: 'the file is empty' });
    return { problems };
  }
  const deep = tooDeep(text);
  if (deep !== undefined) {
    problems.push({ severity: 'error', file, line: lineAt(deep), rule: 'json-depth', message: `objects and arrays are nested more than ${MAX_DEPTH} deep here; an organisation record is at most 4 deep` });
    return { problems };
  }
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true, allowEmptyContent: false });
  for (const e of errors) {
    const code = printParseErrorCode(e.error);
    const trailing = code === 'PropertyNameExpected' || code === 'ValueExpected';
    problems.push({
      severity: 'error',
      file,
      line: lineAt(e.offset),
      rule: 'json-syntax',
      value: text.slice(e.offset, e.offset + Math.max(e.length, 1)),
      message: `${code}${trailing ? ' (a trailing comma before } or ] is not allowed in JSON)' : ''}`,
    });
  }
  if (!root || problems.length) return { problems };

  const walk = (node: Node): void => {
    if (node.type === 'object') {
      const seen = new Map<string, number>();
      for (const property of node.children ?? []) {
        const keyNode = property.children?.[0];
        if (!keyNode) continue;
        const key = String(keyNode.value);
        const line = lineAt(keyNode.offset);
        if (key === '__proto__' || key === 'constructor' || key === 'prototype')
          problems.push({ severity: 'error', file, line, column: key, rule: 'json-forbidden-key', message: `the key "${key}" is not allowed` });
        if (seen.has(key))
          problems.push({ severity: 'error', file, line, column: key, rule: 'json-duplicate-key', message: `the key "${key}" appears twice in one object (first on line ${seen.get(key)})` });
        else seen.set(key, line);
      }
    }
    if (node.type === 'string') {
      const value = String(node.value);
      const unsafe = unsafeText(value);
      if (unsafe) problems.push({ severity: 'error', file, line: lineAt(node.offset), value, rule: 'text-characters', message: unsafe });
      // As in a CSV cell: values are never trimmed silently.
      if (value !== value.trim()) problems.push({ severity: 'error', file, line: lineAt(node.offset), value, rule: 'no-surrounding-space', message: 'the text starts or ends with white space; remove it' });
    }
    node.children?.forEach(walk);
  };
  walk(root);
  if (problems.length) return { problems };
  const elementLines = root.type === 'array' ? (root.children ?? []).map((n) => lineAt(n.offset)) : [];
  const lineOf = (path: (string | number)[]) => {
    const node = findNodeAtLocation(root, path);
    return node ? lineAt(node.offset) : undefined;
  };
  return { document: { value: getNodeValue(root), elementLines, lineOf }, problems };
}
