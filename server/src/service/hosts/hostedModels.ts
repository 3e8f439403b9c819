import type { TextDocument } from 'vscode-languageserver-textdocument';
import { parsePolicy } from '../policy/parsePolicy';
import type { PolicyModel } from '../policy/policyModel';

/**
 * The models of the policies a host holds (each policy, each principal's policies written as one),
 * parsed from their text when a feature reads them and kept only while they are among the last
 * read. A check reads a policy's model once and then keeps its diagnostics (`hostedFeatures.ts`),
 * and completion and hover read the one policy under the cursor; held by their policies, the
 * models of a 1 MB template's 1,600 policies and principals were 13 MB of its 41 MB live heap.
 */
export function hostedModel(document: TextDocument): PolicyModel {
  let model = RECENT.get(document);
  if (model) {
    // The most recently read last: the least recently read goes first.
    RECENT.delete(document);
  } else model = parsePolicy(document.getText());
  RECENT.set(document, model);
  if (RECENT.size > KEPT) RECENT.delete(RECENT.keys().next().value as TextDocument);
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

/** How many models are kept: a principal's policies and its view, checked together, many times over. */
const KEPT = 64;

const RECENT = new Map<TextDocument, PolicyModel>();
