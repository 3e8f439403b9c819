import type { TextDocument } from 'vscode-languageserver-textdocument';
import { parsePolicy } from '../policy/parsePolicy';
import type { PolicyModel } from '../policy/policyModel';

/**
 * The models of the policies a host holds (each policy, each principal's policies written as one),
 * parsed from their text when a feature reads it and kept only while they are among the last few
 * parsed. A check reads a policy's model twice in a row (its settings, then the check) and then
 * keeps its diagnostics (`hostedFeatures.ts`); completion and hover read the one policy under the
 * cursor. Held by their policies, the models of a 1 MB template's 1,600 policies and principals
 * were 13 MB of its 41 MB live heap.
 */
export function hostedModel(document: TextDocument): PolicyModel {
  for (const entry of KEPT) if (entry.document === document) return entry.model;
  const model = parsePolicy(document.getText());
  KEPT[next] = { document, model };
  next = (next + 1) % KEEP;
  return model;
}

/**
 * The policy with its `model` read by `hostedModel`. The getter is one function for every policy,
 * closing over nothing: a getter written where a host makes its policies would keep that scope,
 * and with it the version of the document it was made from, as long as the policy is kept.
 */
export function withHostedModel<T extends { document: TextDocument }>(policy: T): T & { readonly model: PolicyModel } {
  return Object.defineProperty(policy, 'model', MODEL) as T & { readonly model: PolicyModel };
}

const MODEL = {
  enumerable: true,
  get(this: { document: TextDocument }): PolicyModel {
    return hostedModel(this.document);
  },
};

/**
 * How many models are kept: the last four parsed, in a ring. Kept longer, a model outlives the
 * engine's young generation and is collected only by a full collection. Opening the 1 MB
 * Terraform file, its check promoted 8.5-8.9 MB of models it soon let go of when the last 64, or
 * the last four, were kept in a `Map` (deleted entries and all: how the engine holds them was not
 * looked into), 6.7 MB with the last sixteen in this ring, and 0.3 MB with the last four.
 */
const KEEP = 4;

const KEPT: { document: TextDocument; model: PolicyModel }[] = [];
let next = 0;
