import { TextDocument } from 'vscode-languageserver-textdocument';
import { HostedPrincipal } from './hostedModels';
import type { TemplateSymbols } from './cloudformation/intrinsics';
import { writtenStatements } from './cloudformation/policyText';
import { lambdaRoles, principalPolicies, type PrincipalPolicies } from './cloudformation/principals';
import type { EmbeddedPolicy, PrincipalView } from './hostModel';

/** Who the identity policies belong to, as a host reads it. */
export interface Grouping {
  ownersOf: (policy: EmbeddedPolicy) => readonly string[];
  /** The policies grouped by principal (see `PrincipalPolicies`). */
  groups: PrincipalPolicies<EmbeddedPolicy>[];
  /** The principals that are Lambda functions' roles. */
  lambda: ReadonlySet<string>;
}

/** A template's grouping: by its resources (see `cloudformation/principals.ts`). */
export function templateGrouping(policies: EmbeddedPolicy[], symbols: TemplateSymbols, ownersOf: (policy: EmbeddedPolicy) => readonly string[]): Grouping {
  return { ownersOf, groups: principalPolicies(policies, symbols, ownersOf), lambda: lambdaRoles(symbols) };
}

/**
 * The principals with several identity policies (or policies the host does not hold), each
 * written as one policy; each policy learns whether it is judged alone and whether it is only a
 * Lambda function's role's.
 *
 * `previous`: the principals of the host's last version, read with the same symbols. A principal
 * of the same policies (the same objects: policies the new version kept), at the same lines and
 * columns (see `samePlaces`), with the same label, unknown policies and Lambda role, is kept as it
 * was, with its last diagnostics: a keystroke in a large template wrote, parsed and checked every
 * principal's policy again.
 */
export function principalViews(
  document: TextDocument,
  policies: EmbeddedPolicy[],
  symbols: TemplateSymbols,
  { ownersOf, groups, lambda }: Grouping,
  previous?: readonly PrincipalView[],
): PrincipalView[] {
  for (const policy of policies) {
    const owners = ownersOf(policy);
    policy.lambda = owners.length > 0 && owners.every((o) => lambda.has(o));
    policy.judgedAlone = true;
  }
  const seen = new Set<string>();
  const principals: PrincipalView[] = [];
  // The last version's principals by their first policy.
  const kin = new Map<EmbeddedPolicy, PrincipalView[]>();
  for (const view of previous ?? []) {
    const first = view.policies[0];
    if (first) kin.set(first, [...(kin.get(first) ?? []), view]);
  }
  for (const group of groups) {
    const key = group.policies.map((p) => p.node.start).join(',');
    // A principal with one written policy is judged by it alone, unless policies the template does not hold may add to it.
    const alone = group.policies.length < 2 && group.unknown.length === 0 && !group.policies[0].node.synthetic;
    if (alone || !group.label || seen.has(key)) continue;
    seen.add(key);
    for (const policy of group.policies) policy.judgedAlone = false;
    const owner = group.policies.map(ownersOf).reduce((common, owners) => common.filter((o) => owners.includes(o)));
    const isLambda = owner.some((o) => lambda.has(o));
    const places = placesOf(document, group.policies);
    const kept = kin.get(group.policies[0])?.find(
      (v) => v.label === group.label && v.lambda === isLambda && sameItems(v.policies, group.policies) && sameItems(v.unknown, group.unknown) && samePlaces(v.places, places),
    );
    if (kept) {
      kept.places = places;
      principals.push(kept);
      continue;
    }
    const { text, map, statements } = writtenStatements(group.policies.map((p) => p.node), symbols);
    const view = TextDocument.create(document.uri, 'json', document.version, text);
    // Its map moves with its first policy: a view is kept only while all its policies move together.
    map.follow(group.policies[0].node);
    principals.push(new HostedPrincipal(group.label, group.policies, group.unknown, isLambda, view, map, statements, places));
  }
  return principals;
}

/** Where each policy starts in the host: offset, line and character. */
function placesOf(document: TextDocument, policies: readonly EmbeddedPolicy[]): number[] {
  const places: number[] = [];
  for (const { node } of policies) {
    const { line, character } = document.positionAt(node.start);
    places.push(node.start, line, character);
  }
  return places;
}

/**
 * Whether policies start where they started, on the same lines and columns, moved (if at all) by
 * the same number of characters: an edit on a line above them, or earlier on the first one's line.
 * Then every position in them is the same, and the view's map follows them.
 */
function samePlaces(before: readonly number[], now: readonly number[]): boolean {
  if (before.length !== now.length) return false;
  const moved = now[0] - before[0];
  for (let i = 0; i < now.length; i += 3) {
    if (now[i] - before[i] !== moved || now[i + 1] !== before[i + 1] || now[i + 2] !== before[i + 2]) return false;
  }
  return true;
}

export function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}
