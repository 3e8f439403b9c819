import { TextDocument } from 'vscode-languageserver-textdocument';
import { parsePolicy } from '../policy/parsePolicy';
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
 */
export function principalViews(document: TextDocument, policies: EmbeddedPolicy[], symbols: TemplateSymbols, { ownersOf, groups, lambda }: Grouping): PrincipalView[] {
  for (const policy of policies) {
    const owners = ownersOf(policy);
    policy.lambda = owners.length > 0 && owners.every((o) => lambda.has(o));
    policy.judgedAlone = true;
  }
  const seen = new Set<string>();
  const principals: PrincipalView[] = [];
  for (const group of groups) {
    const key = group.policies.map((p) => p.node.start).join(',');
    // A principal with one written policy is judged by it alone, unless policies the template does not hold may add to it.
    const alone = group.policies.length < 2 && group.unknown.length === 0 && !group.policies[0].node.synthetic;
    if (alone || !group.label || seen.has(key)) continue;
    seen.add(key);
    for (const policy of group.policies) policy.judgedAlone = false;
    const { text, map, statements } = writtenStatements(group.policies.map((p) => p.node), symbols);
    const view = TextDocument.create(document.uri, 'json', document.version, text);
    const owner = group.policies.map(ownersOf).reduce((common, owners) => common.filter((o) => owners.includes(o)));
    principals.push({ label: group.label, policies: group.policies, unknown: group.unknown, lambda: owner.some((o) => lambda.has(o)), document: view, model: parsePolicy(text), map, statements });
  }
  return principals;
}
