import type { PolicyModel, StatementModel } from '../../policy/policyModel';
import { piecesOf, type PieceText } from '../../text/pieceText';
import { templateValueIn } from '../../templates/placeholders';

/** A policy's size as AWS counts it: `characters` for IAM's quotas, `bytes` (UTF-8) for Kinesis's 20 KB limit. */
export interface PolicySize {
  characters: number;
  bytes: number;
}

/**
 * How many characters of the text are a template's values known only when it is deployed
 * (`${AWS::Partition}`, `${var.region}`), which may be shorter or longer then: a size that is over
 * a quota only with them counted is not known to be over it.
 */
export function templateValueLength(text: string | PieceText): number {
  // Each `${` to the first `}` after it, as /\$\{[^}]*\}/g matches, found in the pieces of a large text.
  let length = 0;
  for (let at = text.indexOf('${'); at >= 0; ) {
    const close = text.indexOf('}', at + 2);
    if (close < 0) break;
    const value = text.slice(at, close + 1);
    if (templateValueIn(value)) length += value.length;
    at = text.indexOf('${', close + 1);
  }
  return length;
}

/** White space outside strings does not count. */
export function textSize(text: string | PieceText): PolicySize {
  const size = { characters: 0, bytes: 0 };
  // Piece by piece: a large text is not made whole for this.
  measure(piecesOf(text).pieces, size);
  return size;
}

/** Each statement's size, kept with its model: a statement's text does not change under it. */
export type StatementSizes = WeakMap<StatementModel, PolicySize>;

/**
 * The size of the model's text, as `textSize` gives it, measuring again only the statements
 * that an edit made anew and the text between them. That holds where the text is plain JSON:
 * every statement then starts and ends outside a string, as the measure sees strings. Text with
 * syntax errors or comments (whose quotes the measure would take for strings) is measured whole.
 */
export function modelSize(model: PolicyModel, statementSizes: StatementSizes): PolicySize {
  if (!measuredByStatement(model)) return textSize(model.source);
  // Read in slices: the text of a large document is not made whole for this (see PieceText).
  const { source } = model;
  const size = { characters: 0, bytes: 0 };
  let from = 0;
  const { statements } = model;
  for (let i = 0; i < statements.length; i++) {
    const statement = statements[i];
    const { offset, length } = statement.node;
    if (offset < from) return textSize(model.source);
    if (i === 0) measure([source.slice(from, offset)], size);
    else measureBetween(source, from, offset, size);
    const own = statementSize(model, statement, statementSizes);
    size.characters += own.characters;
    size.bytes += own.bytes;
    from = offset + length;
  }
  measure([source.slice(from)], size);
  return size;
}

/** The statement's size, measured once. */
function statementSize(model: PolicyModel, statement: StatementModel, statementSizes: StatementSizes): PolicySize {
  let own = statementSizes.get(statement);
  if (!own) {
    const { offset, length } = statement.node;
    own = { characters: 0, bytes: 0 };
    measure([model.source.slice(offset, offset + length)], own);
    statementSizes.set(statement, own);
  }
  return own;
}

/** Whether the model's text is measured statement by statement (see `modelSize`); read once per model, a scan of its text. */
function measuredByStatement(model: PolicyModel): boolean {
  let answer = BY_STATEMENT.get(model);
  if (answer === undefined) {
    answer = model.syntaxErrors.length === 0 && model.commentMarks() === 0;
    BY_STATEMENT.set(model, answer);
  }
  return answer;
}

const BY_STATEMENT = new WeakMap<PolicyModel, boolean>();

/** How many statements are measured between two pauses. */
const STATEMENTS_MEASURED_PER_STEP = 256;

/**
 * Measures the statements `modelSize` would measure, a few hundred a step, for callers that
 * pause between steps: `modelSize` then adds up what is kept.
 */
export function* measureStatements(model: PolicyModel, statementSizes: StatementSizes): Generator<void, void, void> {
  if (!measuredByStatement(model)) return;
  let measured = 0;
  // An index, not an iterator: a generator's loop over thousands of statements made a result object each.
  const { statements } = model;
  for (let i = 0; i < statements.length; i++) {
    const statement = statements[i];
    if (statementSizes.has(statement)) continue;
    statementSize(model, statement, statementSizes);
    if (++measured % STATEMENTS_MEASURED_PER_STEP === 0) yield;
  }
}

/**
 * Adds the text between two statements of the list to `size`, read in place: a comma and white
 * space, most often, where nothing is a string; an item that is not an object may be one.
 */
function measureBetween(source: PieceText, from: number, to: number, size: PolicySize): void {
  let characters = 0;
  for (let i = from; i < to; i++) {
    const code = source.charCodeAt(i);
    if (code === 0x22 || code >= 0x80) return measure([source.slice(from, to)], size);
    if (code !== 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) characters++;
  }
  size.characters += characters;
  size.bytes += characters;
}

/**
 * Adds the size of a text, given as its pieces in order, which starts outside a string, to `size`.
 * The pieces are read in one state: whether the text is in a string, and whether the next
 * character is escaped (counted with its backslash).
 */
function measure(pieces: readonly string[], size: PolicySize): void {
  let { characters, bytes } = size;
  let inString = false;
  let escaped = false;
  for (const text of pieces) {
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (escaped) {
        // The character a backslash escapes, counted with it: it cannot end the string.
        escaped = false;
        continue;
      }
      if (!inString && (code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d)) continue;
      if (code === 0x22) inString = !inString;
      else if (code === 0x5c && inString) {
        characters++;
        bytes++;
        escaped = true;
      }
      characters++;
      bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code >= 0xd800 && code <= 0xdbff ? 4 : code >= 0xdc00 && code <= 0xdfff ? 0 : 3;
    }
  }
  // A backslash at the end escapes nothing: it counts once.
  if (escaped) {
    characters--;
    bytes--;
  }
  size.characters = characters;
  size.bytes = bytes;
}

/**
 * A whole number with its thousands grouped as `toLocaleString('en-US')` writes it ("20,480"),
 * without ICU: the first `toLocaleString` of a process loads the locale's number formats, 20 ms
 * and 10 MB of resident memory here, for the two size rules' messages.
 */
export function groupedDigits(count: number): string {
  const digits = String(Math.trunc(Math.abs(count)));
  let grouped = digits.slice(0, ((digits.length - 1) % 3) + 1);
  for (let at = grouped.length; at < digits.length; at += 3) grouped += ',' + digits.slice(at, at + 3);
  return count < 0 ? '-' + grouped : grouped;
}
