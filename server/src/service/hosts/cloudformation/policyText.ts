import { MapBuilder, type OffsetMap } from '../offsetMap';
import { ifBranch, intrinsicOf, isNoValue, resolveString, UNKNOWN, type TemplateSymbols } from './intrinsics';
import { lineStart } from '../../text/pieceText';
import { entry, type TemplateNode } from './templateTree';

/**
 * A policy found in a template, as the JSON text every feature reads, with the map from its
 * offsets to the template's. Intrinsic functions become the strings they stand for
 * (`intrinsics.ts`), so `!GetAtt Orders.Arn` is read as the stream ARN it is.
 */
export interface PolicyText {
  text: string;
  map: OffsetMap;
}

/**
 * A policy in a JSON template: its text copied as it is, from the start of its line (blanked), so
 * that offsets, columns and indentation inside it are the template's own and edits made on it
 * hold in the template; only intrinsic functions are rewritten.
 */
export function copiedPolicy(host: string, node: TemplateNode, symbols: TemplateSymbols): PolicyText {
  const out = new MapBuilder();
  const lineBegins = lineStart(host, node.start);
  out.write(host.slice(lineBegins, node.start).replace(/[^\t]/g, ' '));
  let cursor = node.start;
  const visit = (n: TemplateNode) => {
    const intrinsic = intrinsicOf(n);
    const branch = intrinsic && ifBranch(intrinsic);
    if (intrinsic && !(branch && branch.type !== 'scalar')) {
      out.write(host.slice(cursor, n.start));
      out.anchor(n.start, false);
      out.write(JSON.stringify(resolveString(n, symbols) ?? UNKNOWN));
      out.anchor(n.end, true);
      cursor = n.end;
      return;
    }
    if (branch) {
      out.write(host.slice(cursor, n.start));
      out.anchor(branch.start, true);
      cursor = branch.start;
      visit(branch);
      out.write(host.slice(cursor, branch.end));
      out.anchor(n.end, true);
      cursor = n.end;
      return;
    }
    if (n.type === 'map') for (const e of n.entries) if (e.value) visit(e.value);
    if (n.type === 'seq') for (const item of n.items) visit(item);
  };
  out.anchor(node.start, true);
  visit(node);
  out.write(host.slice(cursor, node.end));
  out.anchor(node.end, true);
  return out.finish();
}

/**
 * A policy in a YAML template, written as JSON: each string where its characters stand one for
 * one in the YAML maps exactly (completion and hover inside it, and edits of it, land on the same
 * characters); other values map by their ends.
 */
export function writtenPolicy(node: TemplateNode, symbols: TemplateSymbols): PolicyText {
  const writer = new JsonWriter(symbols);
  writer.visit(node);
  return writer.out.finish();
}

/**
 * The statements of several policies written as one policy, in the order the template has them:
 * what a principal's policies allow together. `statements` are the template's nodes of the
 * statements, in the order written.
 */
export function writtenStatements(policies: readonly TemplateNode[], symbols: TemplateSymbols): PolicyText & { statements: TemplateNode[] } {
  const writer = new JsonWriter(symbols);
  const statements: TemplateNode[] = [];
  writer.out.write('{"Version":"2012-10-17","Statement":[');
  for (const policy of policies) {
    const list = entry(policy, 'Statement');
    for (const statement of list?.type === 'seq' ? list.items.filter((item) => !isNoValue(item)) : list ? [list] : []) {
      if (statements.length > 0) writer.out.write(',');
      statements.push(statement);
      writer.visit(statement);
    }
  }
  writer.out.write(']}');
  return { ...writer.out.finish(), statements };
}

class JsonWriter {
  readonly out = new MapBuilder();
  /** How deep inside made-up nodes the writer is: they map as a whole to where they were made from. */
  private synthetic = 0;

  constructor(private readonly symbols: TemplateSymbols) {}

  visit(n: TemplateNode): void {
    if (n.synthetic && this.synthetic === 0) {
      this.out.anchor(n.start, false);
      this.synthetic++;
      this.visitNode(n);
      this.synthetic--;
      this.out.anchor(n.end, false);
    } else this.visitNode(n);
  }

  private anchor(host: number, exact: boolean): void {
    if (this.synthetic === 0) this.out.anchor(host, exact);
  }

  private visitNode(n: TemplateNode): void {
    const { out } = this;
    const intrinsic = intrinsicOf(n);
    if (intrinsic) {
      const branch = ifBranch(intrinsic);
      if (branch && branch.type !== 'scalar') return this.visit(branch);
      const value = resolveString(n, this.symbols) ?? UNKNOWN;
      // `!Sub 'arn:${AWS::Partition}:...'` with nothing to replace is its own text.
      const scalar = intrinsic.argument;
      const same = scalar?.type === 'scalar' && scalar.value === value && intrinsic.name === 'Fn::Sub';
      return this.writeString(value, n.start, n.end, same ? scalar.content : undefined);
    }
    if (n.type === 'map') {
      this.anchor(n.start, false);
      out.write('{');
      // What AWS::NoValue stands in is left out, as CloudFormation leaves it out.
      n.entries
        .filter((e) => !(e.value && isNoValue(e.value)))
        .forEach((e, i) => {
          if (i > 0) out.write(',');
          this.writeString(e.key, e.keyNode.start, e.keyNode.end, e.keyNode.content);
          out.write(':');
          if (e.value) this.visit(e.value);
          else out.write('null');
        });
      out.write('}');
      this.anchor(n.end, false);
    } else if (n.type === 'seq') {
      this.anchor(n.start, false);
      out.write('[');
      n.items
        .filter((item) => !isNoValue(item))
        .forEach((item, i) => {
          if (i > 0) out.write(',');
          this.visit(item);
        });
      out.write(']');
      this.anchor(n.end, false);
    } else if (typeof n.value === 'string') this.writeString(n.value, n.start, n.end, n.content);
    else {
      this.anchor(n.start, false);
      out.write(JSON.stringify(n.value));
      this.anchor(n.end, false);
    }
  }

  private writeString(value: string, start: number, end: number, content: { start: number; end: number } | undefined): void {
    const { out } = this;
    const json = JSON.stringify(value);
    this.anchor(start, false);
    out.write('"');
    // Its characters stand for themselves only where JSON needs no escapes for them either.
    if (content && json.length === value.length + 2) this.anchor(content.start, true);
    out.write(json.slice(1, -1));
    if (content) this.anchor(content.end, false);
    out.write('"');
    this.anchor(end, false);
  }
}
