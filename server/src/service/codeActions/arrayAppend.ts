import { applyEdits, format, type Edit, type FormattingOptions } from 'jsonc-parser';
import type { Node } from 'jsonc-parser';

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
export function firstEol(text: string): string | undefined {
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
