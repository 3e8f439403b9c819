import { parse } from 'yaml';
import type { TemplateNode, TemplateScalar } from './templateTree';

/**
 * Writing strings into YAML as carefully as into JSON: a plain scalar stays plain where the new
 * text reads back as the same string, else the scalar is quoted (YAML 1.2, "Flow Scalar Styles").
 */

/**
 * The YAML text for a string: plain where that reads back as the same string, single-quoted
 * otherwise; double-quoted, with escapes, where it holds a line break or a character YAML allows
 * only escaped (YAML 1.2, "Character Set": a single-quoted line break folds into a space).
 */
export function yamlString(value: string, style: TemplateScalar['style'] = 'plain', inFlow = false): string {
  if (style === 'double' || !SINGLE_QUOTABLE.test(value)) return doubleQuoted(value);
  if (style !== 'single' && readsBackAsPlain(value, inFlow)) return value;
  return `'${value.replace(/'/g, "''")}'`;
}

/**
 * YAML's printable characters but the line breaks and the byte order mark (YAML 1.2, "Character
 * Set"); nor NEL, LS and PS, which YAML 1.1 readers take for line breaks.
 */
const SINGLE_QUOTABLE = /^[\t\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\u{10000}-\u{10ffff}]*$/u;

/** JSON's escapes are YAML's; what JSON leaves as it is but YAML does not print is escaped too. */
function doubleQuoted(value: string): string {
  return JSON.stringify(value).replace(/[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function readsBackAsPlain(value: string, inFlow: boolean): boolean {
  if (value === '' || value.trim() !== value || /[\n\r\t]/.test(value)) return false;
  if (inFlow && /[,[\]{}]/.test(value)) return false;
  try {
    return parse(value, { logLevel: 'silent' }) === value;
  } catch {
    return false;
  }
}

/** The scalar of a tree whose characters stand one for one at this span, and whether it sits in a flow collection. */
export function scalarAt(node: TemplateNode, start: number, end: number, inFlow = false): { scalar: TemplateScalar; inFlow: boolean } | undefined {
  if (start < node.start || end > node.end) return undefined;
  if (node.type === 'scalar') return node.content && node.content.start <= start && end <= node.content.end ? { scalar: node, inFlow } : undefined;
  const children = node.type === 'map' ? node.entries.flatMap((e) => (e.value ? [e.keyNode, e.value] : [e.keyNode])) : node.items;
  for (const child of children) {
    const found = scalarAt(child, start, end, inFlow || node.flow);
    if (found) return found;
  }
  return undefined;
}

/** The scalar written exactly over `[start, end)` of the document (its quotes and tag included), if one is. */
export function scalarOver(node: TemplateNode, start: number, end: number): TemplateScalar | undefined {
  if (start < node.start || end > node.end) return undefined;
  if (node.type === 'scalar') return node.start === start && node.end === end ? node : undefined;
  const children = node.type === 'map' ? node.entries.flatMap((e) => (e.value ? [e.keyNode, e.value] : [e.keyNode])) : node.items;
  for (const child of children) {
    const found = scalarOver(child, start, end);
    if (found) return found;
  }
  return undefined;
}

/**
 * The edit that puts `replacement` over `[start, end)` inside a scalar's characters: the same span
 * when the result still reads back as intended in the scalar's style, else the whole scalar
 * rewritten (its tag, if any, kept). Undefined when the replacement is not text of a string.
 */
export function scalarEdit(
  scalar: TemplateScalar,
  start: number,
  end: number,
  replacement: string,
  inFlow: boolean,
): { start: number; end: number; text: string } | undefined {
  if (!scalar.content || typeof scalar.value !== 'string') return undefined;
  const before = scalar.value.slice(0, start - scalar.content.start);
  const after = scalar.value.slice(end - scalar.content.start);
  const value = before + replacement + after;
  const whole = yamlString(value, scalar.style, inFlow);
  const partial = scalar.style === 'plain' ? whole === value : scalar.style === 'single' ? !replacement.includes("'") : JSON.stringify(replacement) === `"${replacement}"`;
  return partial ? { start, end, text: replacement } : { start: valueStart(scalar), end: scalar.end, text: whole };
}

/** Where a scalar's value is written: after its tag (`!Sub`), at its opening quote if it has one. */
export function valueStart(scalar: TemplateScalar): number {
  if (!scalar.content) return scalar.start;
  return scalar.style === 'single' || scalar.style === 'double' ? scalar.content.start - 1 : scalar.content.start;
}
