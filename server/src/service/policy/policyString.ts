import type { Node } from 'jsonc-parser';
import type { PolicyString } from './policyModel';
import type { Characters } from '../text/pieceText';

/**
 * A string literal of the policy. Its offsets are read from its node, so that a model whose tree
 * moves after an edit elsewhere (see `updatePolicy`) stays right without being rebuilt.
 */
class StringLiteral implements PolicyString {
  constructor(
    readonly node: Node,
    readonly terminated: boolean,
  ) {}

  /** The node's own string: a 2 MB policy has some 47,000 of these, and a field for it costs 0.4 MB. */
  get value(): string {
    return String(this.node.value);
  }

  get contentOffset(): number {
    return this.node.offset + 1;
  }

  get contentLength(): number {
    return Math.max(0, this.node.length - (this.terminated ? 2 : 1));
  }
}

export function stringAt(text: Characters, node: Node | undefined): PolicyString | undefined {
  return node?.type === 'string' ? new StringLiteral(node, isTerminated(text, node)) : undefined;
}

/** A string literal is terminated when it ends in a quote that no backslash escapes. */
function isTerminated(text: Characters, node: Node): boolean {
  if (node.length < 2 || text.charCodeAt(node.offset + node.length - 1) !== 0x22) return false;
  let backslashes = 0;
  for (let i = node.offset + node.length - 2; i > node.offset && text.charCodeAt(i) === 0x5c; i--) backslashes++;
  return backslashes % 2 === 0;
}
