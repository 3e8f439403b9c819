import type { Node, ParseError, ParseOptions } from 'jsonc-parser';
import { NestingTooDeep, parseTree } from './parseTree';
import type { PolicyModel, PolicyString, StatementModel } from './policyModel';
import { stringAt } from './policyString';
import { piecesOf, type PieceText } from '../text/pieceText';
import { parseStatement, propertiesOf, valueOf } from './statementModel';

export { stringAt } from './policyString';
export { propertiesOf, valueOf } from './statementModel';

/** The two policy language versions IAM accepts. */
export const POLICY_VERSIONS = ['2012-10-17', '2008-10-17'] as const;

export const PARSE_OPTIONS: ParseOptions = { allowTrailingComma: true };

/** A policy nests five levels; a thousand is no policy (see `NestingTooDeep`). */
export const MAX_DEPTH = 1000;

/**
 * Parses a document once into the policy model every feature reads. Tolerant: half-typed text
 * still yields the statements and strings that are there.
 */
export function parsePolicy(text: string | PieceText): PolicyModel {
  const source = piecesOf(text);
  const syntaxErrors: ParseError[] = [];
  let root: Node | undefined;
  try {
    root = parseTree(source.toString(), syntaxErrors, PARSE_OPTIONS, MAX_DEPTH);
  } catch (error) {
    if (error instanceof NestingTooDeep) return new ParsedPolicy(source, undefined, []);
    throw error;
  }
  return policyModel(source, root, syntaxErrors);
}

/** How many times `//` or `/*` occurs in the pieces of a text, taken together. */
export function countCommentMarks(pieces: readonly string[]): number {
  let count = 0;
  for (let p = 0; p < pieces.length; p++) {
    const piece = pieces[p];
    for (let i = piece.indexOf('/'); i >= 0; i = piece.indexOf('/', i + 1)) {
      const next = i + 1 < piece.length ? piece.charCodeAt(i + 1) : pieces[p + 1]?.charCodeAt(0);
      if (next === 0x2f || next === 0x2a) count++;
    }
  }
  return count;
}

/** The model of a text from its tree and syntax errors (see `parsePolicy` and `parsePolicySteps`). */
export function policyModel(source: PieceText, root: Node | undefined, syntaxErrors: ParseError[]): ParsedPolicy {
  const text = source.toString();
  const model = new ParsedPolicy(source, root, syntaxErrors);
  if (root?.type !== 'object') return model;

  const top = propertiesOf(root);
  const statementValue = valueOf(top.get('Statement'));
  model.version = stringAt(text, valueOf(top.get('Version')));
  model.id = stringAt(text, valueOf(top.get('Id')));
  model.statementProperty = top.get('Statement');
  model.duplicateKeys = top.size !== (root.children?.length ?? 0);
  model.isPolicy =
    statementValue?.type === 'object' ||
    statementValue?.type === 'array' ||
    (model.version !== undefined && (POLICY_VERSIONS as readonly string[]).includes(model.version.value));
  return model;
}

/**
 * The model as `parsePolicy` gives it: the statements' models are built when first read, one
 * at a time through `statementAt` (completion and hover read one) or all through `statements`.
 */
export class ParsedPolicy implements PolicyModel {
  isPolicy = false;
  version?: PolicyString;
  id?: PolicyString;
  statementProperty?: Node;
  duplicateKeys?: boolean;
  /** See `commentMarks`: counted when first asked for, and by `updatePolicy` from the previous version's count. */
  marks?: number;
  /** The models built so far, by index in the `Statement` array. */
  built: (StatementModel | undefined)[] = [];
  private all?: StatementModel[];

  constructor(
    readonly source: PieceText,
    public root: Node | undefined,
    public syntaxErrors: ParseError[],
  ) {}

  get text(): string {
    return this.source.toString();
  }

  commentMarks(): number {
    this.marks ??= countCommentMarks(this.source.pieces);
    return this.marks;
  }

  get statements(): StatementModel[] {
    if (!this.all) {
      // Made for each version of the document: of its exact length, not grown (and copied) as it fills.
      const nodes = this.statementNodes();
      let count = 0;
      for (let i = 0; i < nodes.length; i++) if (nodes[i].type === 'object') count++;
      const all = new Array<StatementModel>(count);
      for (let i = 0, at = 0; i < nodes.length; i++) if (nodes[i].type === 'object') all[at++] = this.build(nodes[i], i);
      this.all = all;
    }
    return this.all;
  }

  statementAt(index: number): StatementModel | undefined {
    const node = this.statementNodes()[index];
    return node?.type === 'object' ? this.build(node, index) : undefined;
  }

  /** The statement objects and other items of `Statement`: its array's items, or the one object. */
  statementNodes(): readonly Node[] {
    const value = valueOf(this.statementProperty);
    if (value?.type === 'array') return value.children ?? [];
    return value?.type === 'object' ? [value] : [];
  }

  private build(node: Node, index: number): StatementModel {
    let statement = this.built[index];
    if (!statement) {
      statement = parseStatement(this.source, node, index);
      this.built[index] = statement;
    }
    return statement;
  }

  /** Forgets the statements read so far: `updatePolicy` calls it on a model it has taken over. */
  forgetStatements(): void {
    this.built = [];
    this.all = undefined;
  }
}
