import { applyEdits, findNodeAtLocation, modify, type FormattingOptions, type JSONPath, type ModificationOptions } from 'jsonc-parser';
import { TextEdit, Range } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { parsePolicy } from '../policy/parsePolicy';
import { parsePolicySteps } from '../policy/parseSteps';
import { updateStatements } from '../policy/updatePolicy';
import { difference } from '../textDifference';
import { localEdits } from './localEdits';
import { ChangedSpans, changedEdits, PLACES_PER_STEP } from './changedSpans';
import { finish, type Steps } from '../steps';
import type { PolicyModel, StatementModel } from '../policy/policyModel';

/**
 * A sequence of changes to a policy's text, each made on the result of the one before (so
 * paths and offsets are always current), given back as edits of the original, one for each place
 * the transaction changed (`changedSpans.ts`).
 */
export class PolicyTransaction {
  private current: string;
  private parsed: PolicyModel | undefined;
  readonly formatting: FormattingOptions;

  /**
   * A model that was read from the text before any change and is not the transaction's to change:
   * fixes read it as long as the text is `original`, and the first change made backwards is read
   * into a model of the transaction's own.
   */
  private borrowed: PolicyModel | undefined;

  /** Where the text differs from `original`: the edits given back, one per place. */
  private readonly changes = new ChangedSpans();

  /**
   * `indentation` is the editor's, where known; otherwise the document's own is read from it.
   * `model`, the document's model of `original`, is read and never changed.
   */
  constructor(
    readonly original: string,
    indentation?: Indentation,
    model?: PolicyModel,
  ) {
    this.current = original;
    this.borrowed = model?.text === original ? model : undefined;
    this.parsed = this.borrowed;
    const detected = formattingOf(original);
    this.formatting = indentation ? { ...detected, tabSize: indentation.tabSize, insertSpaces: indentation.insertSpaces } : detected;
  }

  get text(): string {
    if (this.batch) return this.batch.base.slice(0, this.batch.boundary) + this.batch.suffix;
    return this.current;
  }

  /**
   * While `editBackwards` runs: the text and model before it, and the edits made so far, which all
   * lie at or after `boundary`: the text is the base up to the boundary, then `suffix`.
   */
  private batch: { base: string; model: PolicyModel; boundary: number; suffix: string; changes: { start: number; end: number; delta: number }[] } | undefined;

  /** The policy as the text stands now (during `editBackwards`, as it stood before it). */
  get model(): PolicyModel {
    if (this.batch) return this.batch.model;
    this.parsed ??= parsePolicy(this.current);
    return this.parsed;
  }

  /** `model`, read in steps where the text is parsed afresh (a large policy, after a change). */
  *modelSteps(): Generator<void, PolicyModel, void> {
    if (!this.batch && !this.parsed) this.parsed = yield* parsePolicySteps(this.current);
    return this.model;
  }

  /**
   * Starts making fixes one at a time, each before the ones made so far (from the end of the text
   * towards its start): the text before each is the text the model was read from, so its nodes
   * there stand where they are, and each edit rewrites a piece of the text rather than the whole.
   * Each fix is one `fixBackwards`; `endBackwards` ends it.
   */
  beginBackwards(): void {
    const base = this.current;
    this.batch = { base, model: this.model, boundary: base.length, suffix: '', changes: [] };
  }

  /** One fix: `unchanged`, `made`, or `undone` when an edit of it lay outside `[start, end)` of the text it was read from. */
  fixBackwards(start: number, end: number, edits: () => void): 'unchanged' | 'made' | 'undone' {
    const batch = this.batch;
    if (!batch) throw new Error('fixBackwards outside beginBackwards');
    const before = { boundary: batch.boundary, suffix: batch.suffix };
    const journal: NonNullable<typeof this.journal> = [];
    this.journal = journal;
    let outside = false;
    try {
      edits();
      outside = journal.some((e) => e.outside || e.offset < start || e.offset + e.length > end);
    } catch (error) {
      outside = true;
      throw error;
    } finally {
      this.journal = undefined;
      if (outside) {
        batch.boundary = before.boundary;
        batch.suffix = before.suffix;
      }
    }
    if (outside) return 'undone';
    if (!journal.some((e) => e.changed)) return 'unchanged';
    batch.changes.unshift({ start, end, delta: batch.boundary + batch.suffix.length - (before.boundary + before.suffix.length) });
    return 'made';
  }

  /** Whether the fix being made (in `fixBackwards`) has changed the text so far. */
  get changing(): boolean {
    return this.journal?.some((e) => e.changed) ?? false;
  }

  /**
   * Ends the fixes made backwards: the pieces they rewrote, in text order, each at `was` in the text
   * before them and at `[start, end)` in the text now.
   */
  endBackwards(): Rewritten[] {
    const batch = this.batch;
    if (!batch) return [];
    this.batch = undefined;
    this.current = batch.base.slice(0, batch.boundary) + batch.suffix;
    this.changes.replace(batch.changes.map(({ start, end, delta }) => ({ start, end, length: end - start + delta })));
    const rewritten: Rewritten[] = [];
    let shift = 0;
    for (const { start, end, delta } of batch.changes) {
      rewritten.push({ was: start, start: start + shift, end: end + shift + delta });
      shift += delta;
    }
    // The statements rewritten are parsed again alone, the others kept: the next check finds their
    // findings kept. A borrowed model is left as it is, and the text read afresh.
    const borrowed = batch.model === this.borrowed;
    this.borrowed = undefined;
    this.parsed = borrowed ? undefined : updateStatements(batch.model, this.current, batch.changes);
    return rewritten;
  }

  /**
   * Sets (or, with `undefined`, removes) the value at a path, formatted like the document. A new
   * property goes at `insertAt` among its object's properties (last by default).
   */
  set(path: JSONPath, value: unknown, insertAt?: number): void {
    const index = path[path.length - 1];
    if (value === undefined && typeof index === 'number') {
      this.removeElement(path.slice(0, -1), index);
      return;
    }
    const getInsertionIndex = insertAt === undefined ? undefined : (properties: string[]) => Math.min(insertAt, properties.length);
    this.modify(path, value, { formattingOptions: this.formatting, getInsertionIndex });
  }

  /** Inserts into the array at `path` (index -1 appends). */
  insert(path: JSONPath, value: unknown): void {
    this.modify(path, value, { formattingOptions: this.formatting, isArrayInsertion: true });
  }

  /**
   * `modify` of jsonc-parser; where a model of the text is at hand (while `editBackwards` runs, or
   * before a change is made), without parsing the text again (`localEdits`).
   */
  private modify(path: JSONPath, value: unknown, options: ModificationOptions): void {
    const source = this.batch ?? (this.parsed && { base: this.current, model: this.parsed });
    const local = source && localEdits(source.base, source.model, path, value, options, this.batch !== undefined);
    this.apply(local ?? modify(this.text, path, value, options));
  }

  /** Replaces a span of the current text. */
  replace(offset: number, length: number, text: string): void {
    this.apply([{ offset, length, content: text }]);
  }

  /** Replaces the whole text. */
  replaceAll(text: string): void {
    if (this.batch) {
      this.journal?.push({ offset: 0, length: 0, changed: true, outside: true });
      this.batch.boundary = 0;
      this.batch.suffix = text;
      return;
    }
    this.changes.replace([{ start: 0, end: this.current.length, length: text.length }]);
    this.current = text;
    this.parsed = undefined;
  }

  /**
   * The edits that turn the original text into the current one: one for each place the
   * transaction changed, narrowed to where the texts differ; none if they are equal.
   */
  edits(document: TextDocument): TextEdit[] {
    return finish(this.editSteps(document));
  }

  /** `edits`, in steps of a few hundred places. */
  *editSteps(document: TextDocument): Steps<TextEdit[]> {
    const a = this.original;
    const b = this.current;
    if (a === b) return [];
    const places = yield* changedEdits(a, b, this.changes.changed);
    if (places) {
      const edits: TextEdit[] = [];
      for (const e of places) {
        edits.push(TextEdit.replace(Range.create(document.positionAt(e.start), document.positionAt(e.end)), e.text));
        if (edits.length % PLACES_PER_STEP === 0) yield;
      }
      return edits;
    }
    // Compared a block at a time: a character loop over a large policy took milliseconds.
    const { start, suffix } = difference(a, b);
    return [TextEdit.replace(Range.create(document.positionAt(start), document.positionAt(a.length - suffix)), b.slice(start, b.length - suffix))];
  }

  /**
   * Removes array elements, each with the separator before it (after it, for the first), leaving
   * the rest of the text as it was; at least one stays. (`modify` miscounts the end of a compact
   * array when removing its last element.)
   */
  removeElements(arrayPath: JSONPath, indices: readonly number[]): void {
    const array = this.model.root && findNodeAtLocation(this.model.root, arrayPath);
    const items = array?.type === 'array' ? (array.children ?? []) : [];
    const removed = new Set(indices.filter((i) => i >= 0 && i < items.length));
    if (removed.size === 0 || removed.size === items.length) return;
    // Each run of removed elements goes up to the next kept one; a run at the end, from the kept one before it.
    const edits: { offset: number; length: number; content: string }[] = [];
    for (let i = 0; i < items.length; i++) {
      if (!removed.has(i)) continue;
      let last = i;
      while (removed.has(last + 1)) last++;
      const from = last + 1 < items.length ? items[i].offset : items[i - 1].offset + items[i - 1].length;
      const to = last + 1 < items.length ? items[last + 1].offset : items[last].offset + items[last].length;
      edits.push({ offset: from, length: to - from, content: '' });
      i = last;
    }
    this.apply(edits);
  }

  /** Removes one array element (the whole array's content when it is the only one). */
  private removeElement(arrayPath: JSONPath, index: number): void {
    const array = this.model.root && findNodeAtLocation(this.model.root, arrayPath);
    const items = array?.type === 'array' ? (array.children ?? []) : [];
    if (!array || !items[index]) return;
    if (items.length === 1) this.replace(array.offset + 1, array.length - 2, '');
    else this.removeElements(arrayPath, [index]);
  }

  private apply(edits: { offset: number; length: number; content: string }[]): void {
    const batch = this.batch;
    if (!batch) {
      this.current = applyEdits(this.current, edits);
      // In order (applyEdits throws on edits that overlap).
      const sorted = edits.slice().sort((x, y) => x.offset - y.offset || x.length - y.length);
      this.changes.replace(sorted.map((e) => ({ start: e.offset, end: e.offset + e.length, length: e.content.length })));
      this.parsed = undefined;
      return;
    }
    // Within the text before the edits made so far: the piece from the first edit to them is rewritten.
    const from = Math.min(...edits.map((e) => e.offset));
    const outside = edits.some((e) => e.offset + e.length > batch.boundary);
    if (edits.length === 0 || outside) {
      this.journal?.push({ offset: from, length: 0, changed: false, outside: true });
      if (edits.length > 0) {
        // An edit past the boundary: made on the whole text, which the fix's check then undoes.
        const text = applyEdits(this.text, edits);
        batch.boundary = 0;
        batch.suffix = text;
      }
      return;
    }
    const piece = batch.base.slice(from, batch.boundary);
    const rewritten = applyEdits(piece, edits.map((e) => ({ ...e, offset: e.offset - from })));
    for (const e of edits) this.journal?.push({ offset: e.offset, length: e.length, changed: rewritten !== piece, outside: false });
    batch.suffix = rewritten + batch.suffix;
    batch.boundary = from;
  }

  /** The edits of the fix being made while `editBackwards` runs, in the text it was read from. */
  private journal: { offset: number; length: number; changed: boolean; outside: boolean }[] | undefined;
}

/** The JSON path of a statement: `["Statement", i]`, or `["Statement"]` when it is the only object. */
export function statementPath(model: PolicyModel, statement: StatementModel): JSONPath {
  return model.statementProperty?.children?.[1]?.type === 'array' ? ['Statement', statement.index] : ['Statement'];
}

/** A piece of the text that fixes made backwards rewrote (`PolicyTransaction.endBackwards`). */
export interface Rewritten {
  /** Where it started before. */
  was: number;
  start: number;
  end: number;
}

/** How an editor indents. */
export interface Indentation {
  tabSize: number;
  insertSpaces: boolean;
}

/** Indentation and line ends as the document has them: two spaces and \n for a new one. */
export function formattingOf(text: string): FormattingOptions {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const indent = /\n([ \t]+)\S/.exec(text)?.[1];
  if (indent?.startsWith('\t')) return { tabSize: 4, insertSpaces: false, eol };
  return { tabSize: indent ? Math.min(indent.length, 8) : 2, insertSpaces: true, eol };
}

/** A value as the document would indent it, for whole-document writes. */
export function stringify(value: unknown, formatting: FormattingOptions): string {
  const indent = formatting.insertSpaces === false ? '\t' : ' '.repeat(formatting.tabSize ?? 2);
  return JSON.stringify(value, null, indent).split('\n').join(formatting.eol ?? '\n') + (formatting.eol ?? '\n');
}
