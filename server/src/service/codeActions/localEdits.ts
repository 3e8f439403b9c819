import { applyEdits, format, modify, type Edit, type FormattingOptions, type JSONPath, type ModificationOptions, type Node } from 'jsonc-parser';
import type { PolicyModel } from '../policy/policyModel';

/**
 * The edits jsonc-parser's `modify` makes of a policy's text for a change within its statements,
 * worked out from the policy's model without parsing the text again (`modify` parses the whole
 * text first: some 80 ms for a 2 MB policy); undefined where only `modify` of the whole text will
 * do. A statement appended is written after the last one (`appendAfter`); a change inside a
 * statement is made on the statement's text, from the start of its first line, so that what
 * `modify` formats (the lines of its edit, from the indentation of the first) is indented as in
 * the whole text. `anyLine` takes a statement that does not begin its line too (fix-all's rounds,
 * whose edits are checked again); otherwise one begun after `"Statement": {` would be indented
 * from what precedes it. Within the statement's lines the edit is the whole text's; `modify` of
 * the whole text may also reformat a next statement begun on the statement's last line, which
 * this leaves as it is.
 */
export function localEdits(text: string, model: PolicyModel, path: JSONPath, value: unknown, options: ModificationOptions, anyLine: boolean): Edit[] | undefined {
  // A second `Statement` key: `modify` goes by the first, the model by the last.
  if (model.duplicateKeys) return undefined;
  const formatting = options.formattingOptions;
  const last = options.isArrayInsertion && formatting ? lastStatement(model, path) : undefined;
  if (last) return appendAfter(text, last, value, formatting!);
  const local = statementAt(model, path);
  if (!local) return undefined;
  let start = local.node.offset;
  while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
  if (!anyLine && start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') return undefined;
  const end = local.node.offset + local.node.length;
  // A statement on one line has no line end of its own to write: the document's first, as `modify` takes it.
  const withEol = formatting ? { ...options, formattingOptions: { ...formatting, eol: firstEol(text) ?? formatting.eol } } : options;
  return modify(text.slice(start, end), local.rest, value, withEol).map((e) => ({ ...e, offset: e.offset + start }));
}

/** The last item of the `Statement` array, for a path that appends to it (`["Statement", -1]`). */
function lastStatement(model: PolicyModel, path: JSONPath): Node | undefined {
  const value = model.statementProperty?.children?.[1];
  return path.length === 2 && path[0] === 'Statement' && path[1] === -1 && value?.type === 'array' ? value.children?.at(-1) : undefined;
}

/** The statement a path goes into, and the path within it; undefined for a path to a statement itself or outside them. */
function statementAt(model: PolicyModel, path: JSONPath): { node: Node; rest: JSONPath } | undefined {
  const value = model.statementProperty?.children?.[1];
  if (path[0] !== 'Statement' || !value) return undefined;
  if (value.type === 'array') {
    const node = typeof path[1] === 'number' ? value.children?.[path[1]] : undefined;
    return node?.type === 'object' && path.length > 2 ? { node, rest: path.slice(2) } : undefined;
  }
  return value.type === 'object' && path.length > 1 ? { node: value, rest: path.slice(1) } : undefined;
}

/**
 * The edit jsonc-parser's `modify` makes to append `value` after `last`, the last element of an
 * array, formatted as it formats it, worked out on the lines around the edit alone.
 *
 * `modify` parses the whole text to find the array (some 80 ms for a 2 MB policy), then inserts
 * `,` and the value's JSON after the last element and formats from the start of that element's
 * line to the end of the line the insertion ends on (its `withFormatting`), which is all the
 * formatting reads: the indentation it starts from is that of the first line of the range, and
 * the line end is the text's first (`formatting`'s in a text of one line). A caller that knows the
 * array's last element from its model gets the same edit without the parse.
 */
export function appendAfter(text: string, last: Node, value: unknown, formatting: FormattingOptions): Edit[] {
  const at = last.offset + last.length;
  let from = at;
  while (from > 0 && !isEol(text, from - 1)) from--;
  let to = at;
  while (to < text.length && !isEol(text, to)) to++;
  const lines = text.slice(from, to);
  const edit = { offset: at - from, length: 0, content: `,${JSON.stringify(value)}` };
  return withFormatting(lines, edit, { ...formatting, eol: firstEol(text) ?? formatting.eol }).map((e) => ({ ...e, offset: e.offset + from }));
}

/** The text's first line end, as jsonc-parser's `format` reads it. */
function firstEol(text: string): string | undefined {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) return text.charCodeAt(i + 1) === 10 ? '\r\n' : '\r';
    if (c === 10) return '\n';
  }
  return undefined;
}

/** jsonc-parser's `withFormatting` (not exported): the edit applied, and the lines it touches formatted, as one edit. */
function withFormatting(text: string, edit: Edit, formatting: FormattingOptions): Edit[] {
  let newText = applyEdits(text, [edit]);
  let begin = edit.offset;
  let end = edit.offset + edit.content.length;
  if (edit.length === 0 || edit.content.length === 0) {
    while (begin > 0 && !isEol(newText, begin - 1)) begin--;
    while (end < newText.length && !isEol(newText, end)) end++;
  }
  const edits = format(newText, { offset: begin, length: end - begin }, { ...formatting, keepLines: false });
  for (let i = edits.length - 1; i >= 0; i--) {
    const e = edits[i];
    newText = applyEdits(newText, [e]);
    begin = Math.min(begin, e.offset);
    end = Math.max(end, e.offset + e.length);
    end += e.content.length - e.length;
  }
  return [{ offset: begin, length: text.length - (newText.length - end) - begin, content: newText.substring(begin, end) }];
}

function isEol(text: string, offset: number): boolean {
  const c = text.charCodeAt(offset);
  return c === 13 || c === 10;
}
