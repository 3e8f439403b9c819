import { parseDocument, type Document, type DocumentOptions, type ParseOptions, type SchemaOptions } from 'yaml';

/**
 * YAML 1.2 wants the lines of a flow collection (`[...]`, `{...}`) indented more than the block
 * it sits in; PyYAML, which the SAM CLI and cfn-lint use, does not, and templates that AWS
 * publishes close a flow collection at its key's column:
 *
 *     CustomStatements: [{
 *       "Effect": "Allow"
 *     }]
 *
 * The `yaml` library rejects that (BAD_INDENT), and loses the rest of the document with it. So
 * before parsing, a line inside a flow collection indented no more than the line that opened it
 * is joined to the line before: the line break becomes a space. Every offset stays where it was;
 * inside a flow collection a line break is white space. A line before with a comment is left as
 * it is (joined, the comment would swallow the next line). Telling a flow collection from text
 * without parsing is a guess, so the joined text is used only where the library found such an
 * indentation and the joined text reads with fewer errors (`parseYaml`).
 */
export function parseYaml(text: string, options: DocumentOptions & ParseOptions & SchemaOptions): Document.Parsed {
  const parsed = parseDocument(text, options);
  if (!parsed.errors.some((e) => e.code === 'BAD_INDENT')) return parsed;
  const joined = joinUnderIndentedFlowLines(text);
  if (joined === text) return parsed;
  const again = parseDocument(joined, options);
  return again.errors.length < parsed.errors.length ? again : parsed;
}

export function joinUnderIndentedFlowLines(text: string): string {
  if (!text.includes('[') && !text.includes('{')) return text;
  let out: string[] | undefined;
  let depth = 0;
  let quote: '"' | "'" | undefined;
  let openedAt = 0;
  let lineStart = 0;
  let comment = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') {
      comment = false;
      const next = i + 1;
      let indent = 0;
      while (text[next + indent] === ' ') indent++;
      // Inside a flow collection (outside a quoted scalar), under-indented, after a line without a comment.
      if (depth > 0 && !quote && indent <= openedAt && !lineHasComment(text, lineStart, i) && text[next + indent] !== undefined && text[next + indent] !== '\n' && text[next + indent] !== '#') {
        out ??= text.split('');
        out[i] = ' ';
        if (i > 0 && text[i - 1] === '\r') out[i - 1] = ' ';
      }
      lineStart = next;
      continue;
    }
    if (comment) continue;
    if (quote) {
      if (c === quote) {
        // '' inside a single-quoted scalar is a quote, not its end.
        if (quote === "'" && text[i + 1] === "'") i++;
        else quote = undefined;
      } else if (quote === '"' && c === '\\') i++;
      continue;
    }
    if (c === '#' && (i === 0 || text[i - 1] === ' ' || text[i - 1] === '\t' || text[i - 1] === '\n')) {
      comment = true;
      continue;
    }
    if ((c === '"' || c === "'") && (depth > 0 || startsScalar(text, i))) quote = c;
    // Outside a flow collection, `[` and `{` open one only where a value starts (`a [b]` is text).
    else if ((c === '[' || c === '{') && (depth > 0 || startsScalar(text, i))) {
      if (depth === 0) {
        let indent = 0;
        while (text[lineStart + indent] === ' ') indent++;
        openedAt = indent;
      }
      depth++;
    } else if ((c === ']' || c === '}') && depth > 0) depth--;
  }
  return out ? out.join('') : text;
}

/**
 * Whether a quote or bracket at `i` outside flow collections starts a value: after `: `, `- `, a
 * tag (`!Sub '...'`), or at a line's start; in a plain scalar (`it's`, `${AWS::Region}`) it does not.
 */
function startsScalar(text: string, i: number): boolean {
  let j = i - 1;
  while (j >= 0 && text[j] === ' ') j--;
  if (j < 0 || text[j] === '\n' || text[j] === ':' || text[j] === '-') return true;
  if (j === i - 1) return false;
  let k = j;
  while (k >= 0 && text[k] !== ' ' && text[k] !== '\n') k--;
  return text[k + 1] === '!';
}

function lineHasComment(text: string, start: number, end: number): boolean {
  return / #/.test(text.slice(start, end));
}
