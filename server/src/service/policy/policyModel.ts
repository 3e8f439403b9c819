import type { PieceText } from '../text/pieceText';
import type { Node, ParseError } from 'jsonc-parser';

/**
 * An IAM policy document as the features see it: every element with the `jsonc-parser` node
 * it came from, so that offsets for ranges and edits are always at hand.
 */

/** A JSON string in the policy, with its value and where its text lies. */
export interface PolicyString {
  value: string;
  /** The string literal, quotes included. */
  node: Node;
  /** Offset of the first character after the opening quote. */
  contentOffset: number;
  /** Length of the text between the quotes (to the end of the line when unterminated). */
  contentLength: number;
  /** False while the user is still typing it: no closing quote on the line. */
  terminated: boolean;
}

/** `Action`, `NotAction`, `Resource` or `NotResource`: a string or an array of strings. */
export interface ListElement {
  key: string;
  /** The `"Key": value` property node. */
  property: Node;
  value: Node | undefined;
  values: PolicyString[];
  /** Entries that are not strings (numbers, objects, null): IAM rejects them. */
  invalid: readonly Node[];
}

/** `{"AWS": [...]}` and the like inside a `Principal`. */
export interface PrincipalEntry {
  /** `AWS`, `Service`, `Federated`, `CanonicalUser`, or whatever was written. */
  type: PolicyString;
  property: Node;
  values: PolicyString[];
  invalid: readonly Node[];
}

export interface PrincipalElement {
  key: 'Principal' | 'NotPrincipal';
  property: Node;
  value: Node | undefined;
  /** `"Principal": "*"` (or any bare string, which IAM reads only as `*`). */
  bare?: PolicyString;
  entries: PrincipalEntry[];
}

export interface ConditionKeyEntry {
  key: PolicyString;
  property: Node;
  values: PolicyString[];
  /** Numbers and booleans among the values, which IAM reads as strings (`true` as `"true"`). */
  scalars: readonly Node[];
  /** Values IAM rejects: objects, nested lists, null. */
  invalid: readonly Node[];
}

export interface ConditionClause {
  /** `StringEquals`, `ForAnyValue:StringLike`, ...: the key of the operator block. */
  operator: PolicyString;
  property: Node;
  /** The operator's value: an object of keys, or anything else IAM rejects. */
  body: Node | undefined;
  keys: ConditionKeyEntry[];
}

export interface ConditionElement {
  property: Node;
  value: Node | undefined;
  clauses: ConditionClause[];
}

export interface StatementModel {
  index: number;
  node: Node;
  sid?: PolicyString;
  effect?: PolicyString;
  action?: ListElement;
  notAction?: ListElement;
  resource?: ListElement;
  notResource?: ListElement;
  principal?: PrincipalElement;
  notPrincipal?: PrincipalElement;
  condition?: ConditionElement;
  /** Every property of the statement by key, duplicates resolved to the last, as IAM reads them. */
  properties: ReadonlyMap<string, Node>;
}

export interface PolicyModel {
  /**
   * The document's text, as parsed: made whole when first read. Where a few characters will do, read
   * them from `source`, which an edit of a large document does not copy whole (see PieceText).
   */
  readonly text: string;
  /** The same text, in pieces. */
  readonly source: PieceText;
  /** How many times `//` or `/*` occurs in the text: where a comment may start (or a URL's `//` in a string). */
  commentMarks(): number;
  root: Node | undefined;
  /** True when the document looks like an IAM policy; features act on nothing else. */
  isPolicy: boolean;
  version?: PolicyString;
  id?: PolicyString;
  /** The top-level `"Statement": ...` property. */
  statementProperty?: Node;
  /** Every statement object of `Statement`, in order; built when first read. */
  statements: StatementModel[];
  /**
   * The statement at an index of the `Statement` array (0 for a single statement object), or
   * undefined where that item is not an object. Builds that statement alone: what completion
   * and hover need.
   */
  statementAt(index: number): StatementModel | undefined;
  syntaxErrors: ParseError[];
  /** Whether a top-level key appears twice. */
  duplicateKeys?: boolean;
}

/** How many statements' models are read between two pauses: thousands take tens of milliseconds. */
const STATEMENTS_READ_PER_STEP = 128;

/**
 * Reads the model of every statement (a model reads each when it is first asked for), a few
 * hundred a step, for callers that pause between steps.
 */
export function* readStatements(model: PolicyModel): Generator<void, void, void> {
  const value = model.statementProperty?.children?.[1];
  const count = value?.type === 'array' ? (value.children?.length ?? 0) : 0;
  for (let i = 0; i < count; i++) {
    model.statementAt(i);
    if (i % STATEMENTS_READ_PER_STEP === STATEMENTS_READ_PER_STEP - 1) yield;
  }
}
