import type { Node as SyntaxNode } from 'web-tree-sitter';
import { exactLength } from '../../exactLength';

/** Reading a Terraform file's blocks and attributes from the tree-sitter HCL grammar's tree. */

/** The configuration's top-level blocks. */
export function topBlocks(root: SyntaxNode): SyntaxNode[] {
  const body = root.namedChildren.find((c) => c?.type === 'body');
  return (body?.namedChildren ?? []).filter((c): c is SyntaxNode => c?.type === 'block');
}

/** A block's type and labels: `resource`, `aws_iam_policy`, `producer`. */
export function labels(block: SyntaxNode): string[] {
  const out: string[] = [];
  for (const child of block.namedChildren) {
    if (!child) continue;
    if (child.type === 'identifier' && out.length === 0) out.push(child.text);
    else if (child.type === 'string_lit') out.push(child.namedChildren.find((c) => c?.type === 'template_literal')?.text ?? '');
    else if (child.type === 'body' || child.type === 'block_start') break;
  }
  return exactLength(out);
}

export function bodyOf(block: SyntaxNode): SyntaxNode | undefined {
  return block.namedChildren.find((c) => c?.type === 'body') ?? undefined;
}

export function attributeOf(block: SyntaxNode, name: string): SyntaxNode | undefined {
  return bodyOf(block)?.namedChildren.find((c): c is SyntaxNode => c?.type === 'attribute' && c.namedChildren[0]?.text === name);
}

export function childBlocks(block: SyntaxNode, name: string): SyntaxNode[] {
  return (bodyOf(block)?.namedChildren ?? []).filter((c): c is SyntaxNode => c?.type === 'block' && c.namedChildren[0]?.text === name);
}

export function valueOf(attribute: SyntaxNode): SyntaxNode | undefined {
  return attribute.namedChildren.find((c) => c?.type === 'expression') ?? undefined;
}
