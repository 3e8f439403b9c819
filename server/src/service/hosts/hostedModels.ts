import type { TextDocument } from 'vscode-languageserver-textdocument';
import { parsePolicy } from '../policy/parsePolicy';
import type { PolicyModel } from '../policy/policyModel';
import type { PolicyKindSetting } from '../../../../common/src/choices';
import type { PolicyLocation } from './cloudformation/policyLocations';
import type { TemplateMap, TemplateNode } from './cloudformation/templateTree';
import type { CheckedDiagnostics, EmbeddedPolicy, PrincipalView } from './hostModel';
import type { OffsetMap } from './offsetMap';

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
 * A policy a host holds, its fields set in its constructor and its model read by the getter of its
 * class. Made as an object spread from its place and given the getter after (`defineProperty`),
 * each of the 1 MB Terraform file's 1,609 policies left about 0.9 KB that the engine promoted and
 * let go, 1.5 MB of its open's garbage (sampled allocation profiles, in-process). A getter written
 * where a host makes its policies would keep that scope, and with it the version of the document
 * it was made from, as long as the policy is kept.
 */
export class HostedPolicy implements EmbeddedPolicy {
  readonly node: TemplateMap;
  readonly kind: PolicyKindSetting;
  readonly resource: string;
  readonly resourceType: string;
  readonly path: string;
  readonly partial: boolean | undefined;
  readonly sharing: boolean | undefined;
  readonly cdkPath: string | undefined;
  readonly samTemplate: PolicyLocation['samTemplate'];
  judgedAlone = true;
  lambda = false;
  checked: CheckedDiagnostics | undefined = undefined;

  /** `partial`: as the location says unless the host knows better (a Terraform file's broken HCL). */
  constructor(
    location: PolicyLocation,
    readonly document: TextDocument,
    readonly map: OffsetMap,
    partial = location.partial,
  ) {
    this.node = location.node;
    this.kind = location.kind;
    this.resource = location.resource;
    this.resourceType = location.resourceType;
    this.path = location.path;
    this.partial = partial;
    this.sharing = location.sharing;
    this.cdkPath = location.cdkPath;
    this.samTemplate = location.samTemplate;
  }

  get model(): PolicyModel {
    return hostedModel(this.document);
  }
}

/** A principal's policies written as one, its model read as a policy's is (see `HostedPolicy`). */
export class HostedPrincipal implements PrincipalView {
  checked: CheckedDiagnostics | undefined = undefined;

  constructor(
    readonly label: string,
    readonly policies: EmbeddedPolicy[],
    readonly unknown: string[],
    readonly lambda: boolean,
    readonly document: TextDocument,
    readonly map: OffsetMap,
    readonly statements: TemplateNode[],
    readonly places: readonly number[],
  ) {}

  get model(): PolicyModel {
    return hostedModel(this.document);
  }
}

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
