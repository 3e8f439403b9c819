import { applyEdits, findNodeAtLocation, modify, type FormattingOptions, type JSONPath } from 'jsonc-parser';
import { TextEdit, Range } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { parsePolicy } from '../policy/parsePolicy';
import type { PolicyModel, StatementModel } from '../policy/policyModel';

/**
 * A sequence of changes to a policy's text, each made on the result of the one before (so
 * paths and offsets are always current), given back as one minimal edit of the original.
 */
export class PolicyTransaction {
  private current: string;
  private parsed: PolicyModel | undefined;
  readonly formatting: FormattingOptions;

  /** `indentation` is the editor's, where known; otherwise the document's own is read from it. */
  constructor(
    readonly original: string,
    indentation?: Indentation,
  ) {
    this.current = original;
    const detected = formattingOf(original);
    this.formatting = indentation ? { ...detected, tabSize: indentation.tabSize, insertSpaces: indentation.insertSpaces } : detected;
  }

  get text(): string {
    return this.current;
  }

  /** The policy as the text stands now. */
  get model(): PolicyModel {
    this.parsed ??= parsePolicy(this.current);
    return this.parsed;
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
    this.apply(modify(this.current, path, value, { formattingOptions: this.formatting, getInsertionIndex }));
  }

  /** Inserts into the array at `path` (index -1 appends). */
  insert(path: JSONPath, value: unknown): void {
    this.apply(modify(this.current, path, value, { formattingOptions: this.formatting, isArrayInsertion: true }));
  }

  /** Replaces a span of the current text. */
  replace(offset: number, length: number, text: string): void {
    this.apply([{ offset, length, content: text }]);
  }

  /** Replaces the whole text. */
  replaceAll(text: string): void {
    this.current = text;
    this.parsed = undefined;
  }

  /** One edit that turns the original text into the current one, or none if they are equal. */
  edits(document: TextDocument): TextEdit[] {
    const a = this.original;
    const b = this.current;
    if (a === b) return [];
    let start = 0;
    while (start < a.length && start < b.length && a[start] === b[start]) start++;
    let endA = a.length;
    let endB = b.length;
    while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
      endA--;
      endB--;
    }
    return [TextEdit.replace(Range.create(document.positionAt(start), document.positionAt(endA)), b.slice(start, endB))];
  }

  /**
   * Removes an array element with the separator before it (after it, for the first), leaving the
   * rest of the text as it was. (`modify` miscounts the end of a compact array when removing its
   * last element.)
   */
  private removeElement(arrayPath: JSONPath, index: number): void {
    const array = this.model.root && findNodeAtLocation(this.model.root, arrayPath);
    const items = array?.type === 'array' ? (array.children ?? []) : [];
    const item = items[index];
    if (!array || !item) return;
    if (items.length === 1) this.replace(array.offset + 1, array.length - 2, '');
    else if (index < items.length - 1) this.replace(item.offset, items[index + 1].offset - item.offset, '');
    else {
      const end = items[index - 1].offset + items[index - 1].length;
      this.replace(end, item.offset + item.length - end, '');
    }
  }

  private apply(edits: { offset: number; length: number; content: string }[]): void {
    this.current = applyEdits(this.current, edits);
    this.parsed = undefined;
  }
}

/** The JSON path of a statement: `["Statement", i]`, or `["Statement"]` when it is the only object. */
export function statementPath(model: PolicyModel, statement: StatementModel): JSONPath {
  return model.statementProperty?.children?.[1]?.type === 'array' ? ['Statement', statement.index] : ['Statement'];
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
