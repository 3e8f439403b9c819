import * as l10n from '@vscode/l10n';
import { LOGS_ONLY_MANAGED_POLICIES } from '../../kinesis/kinesisFacts';
import { principalLabel, type PrincipalPolicies } from '../cloudformation/principals';
import type { PolicyLocation } from '../cloudformation/policyLocations';
import type { BlockFacts, Link } from './hclItems';
import { resourceName } from './resourceValues';
import { sameItems } from '../principalViews';

/**
 * Whose identity policies a Terraform file's policies are, as the AWS provider attaches them
 * (registry.terraform.io/providers/hashicorp/aws/latest/docs): `aws_iam_role_policy` and its user
 * and group forms name their principal; `aws_iam_*_policy_attachment`, `aws_iam_policy_attachment`
 * and a role's `managed_policy_arns` attach an `aws_iam_policy`; a role's `inline_policy` is its
 * own. A principal's policies are judged together, as IAM evaluates them. A policy document is
 * attached wherever the resources that use it are.
 */
export interface TerraformPrincipals {
  owners(location: PolicyLocation): readonly string[];
  groups<P extends PolicyLocation>(policies: readonly P[]): PrincipalPolicies<P>[];
  /** Roles of `aws_lambda_function`s. */
  lambda: Set<string>;
  /** The names of the DynamoDB tables the configuration makes. */
  tables: string[];
}

const PRINCIPAL_TYPES: Readonly<Record<string, string>> = { aws_iam_role: 'role', aws_iam_user: 'user', aws_iam_group: 'group' };

/** Resources that attach a policy to principals: their principal attributes and the policy's. */
const ATTACHMENTS: Readonly<Record<string, { principals: readonly [string, string][]; policy: string }>> = {
  aws_iam_role_policy_attachment: { principals: [['role', 'aws_iam_role']], policy: 'policy_arn' },
  aws_iam_user_policy_attachment: { principals: [['user', 'aws_iam_user']], policy: 'policy_arn' },
  aws_iam_group_policy_attachment: { principals: [['group', 'aws_iam_group']], policy: 'policy_arn' },
  aws_iam_policy_attachment: { principals: [['roles', 'aws_iam_role'], ['users', 'aws_iam_user'], ['groups', 'aws_iam_group']], policy: 'policy_arn' },
};

/** Policy resources that name their one principal. */
const OWN_PRINCIPAL: Readonly<Record<string, [string, string]>> = {
  aws_iam_role_policy: ['role', 'aws_iam_role'],
  aws_iam_user_policy: ['user', 'aws_iam_user'],
  aws_iam_group_policy: ['group', 'aws_iam_group'],
};

/** `documents`: each policy document's users, as resource keys (`aws_iam_policy.producer`). */
export function terraformPrincipals(blocks: readonly BlockFacts[], documents: ReadonlyMap<string, readonly string[]>): TerraformPrincipals {
  const resources = new Map<string, BlockFacts>();
  for (const block of blocks) {
    const [keyword, type, name] = block.labels;
    if (keyword === 'resource' && type && name) resources.set(`${type}.${name}`, block);
  }
  /** The principal a link names: a reference to one (`aws_iam_role.consumer.name`), or its literal name. */
  const principalIn = (link: Link, type: string): string | undefined => {
    const { path } = link;
    const named = path && path[0] === type && path.length === 3 ? `${type}.${resourceName(path[1])}` : undefined;
    if (named && resources.has(named)) return named;
    if (link.value === undefined) return undefined;
    for (const [key, block] of resources) if (key.startsWith(`${type}.`) && block.literals.get('name') === link.value) return key;
    return undefined;
  };
  const links = (block: BlockFacts, attribute: string): Link[] => block.links.get(attribute) ?? [];

  const owners = new Map<string, Set<string>>();
  const unknown = new Map<string, string[]>();
  const own = (policy: string, principal: string): void => {
    owners.set(policy, (owners.get(policy) ?? new Set()).add(principal));
  };
  /** A policy ARN attached to a principal: a policy of the file, or one it does not hold. */
  const attach = (principal: string, arn: Link): void => {
    const { path } = arn;
    const named = path?.[0] === 'aws_iam_policy' && path[1] ? `aws_iam_policy.${resourceName(path[1])}` : undefined;
    if (named && resources.has(named)) {
      own(named, principal);
      return;
    }
    const name = arn.value ?? arn.text;
    if (LOGS_ONLY_MANAGED_POLICIES.some((logs) => name.endsWith(`/${logs}`))) return;
    unknown.set(principal, [...(unknown.get(principal) ?? []), name]);
  };
  const lambda = new Set<string>();
  const tables: string[] = [];
  for (const [key, block] of resources) {
    const type = key.split('.')[0];
    const attachment = ATTACHMENTS[type];
    if (attachment) {
      const [arn] = links(block, attachment.policy);
      for (const [attribute, principalType] of attachment.principals) {
        for (const item of links(block, attribute)) {
          const principal = principalIn(item, principalType);
          if (principal && arn) attach(principal, arn);
        }
      }
    }
    const single = OWN_PRINCIPAL[type];
    const [named] = single ? links(block, single[0]) : [];
    const principal = single && named ? principalIn(named, single[1]) : undefined;
    if (principal) own(key, principal);
    if (type === 'aws_iam_role') {
      own(`${key}#inline`, key);
      for (const arn of links(block, 'managed_policy_arns')) attach(key, arn);
    }
    if (type === 'aws_lambda_function') {
      const [role] = links(block, 'role');
      const roleKey = role && principalIn(role, 'aws_iam_role');
      if (roleKey) lambda.add(roleKey);
    }
    if (type === 'aws_dynamodb_table') tables.push(block.literals.get('name') ?? `\${${key}.name}`);
  }

  // Asked for each policy of each version the configuration serves: answered once a policy.
  const answered = new Map<string, readonly string[]>();
  const ownersOf = (location: PolicyLocation): readonly string[] => {
    if (location.kind !== 'identity') return NONE;
    const key = location.resourceType === 'aws_iam_policy_document' ? location.resource : location.path.startsWith('inline_policy') ? `${location.resource}#inline` : location.resource;
    let found = answered.get(key);
    if (!found) {
      const keys = location.resourceType === 'aws_iam_policy_document' ? (documents.get(key) ?? []) : [key];
      found = [...new Set(keys.flatMap((k) => [...(owners.get(k) ?? [])]))];
      answered.set(key, found);
    }
    return found;
  };
  // The groups made for the last version, kept while they hold the same policies: a keystroke's
  // check asks for every group again, and making each anew (some 1,600 in a 1 MB file) was most of
  // what a Terraform file's check left to the old generation.
  let made = new Map<string, PrincipalPolicies<PolicyLocation>>();
  const aloneGroups = new WeakMap<PolicyLocation, PrincipalPolicies<PolicyLocation>>();
  return {
    owners: ownersOf,
    groups<P extends PolicyLocation>(policies: readonly P[]): PrincipalPolicies<P>[] {
      const byPrincipal = new Map<string, P[]>();
      const alone: PrincipalPolicies<P>[] = [];
      for (const policy of policies) {
        if (policy.kind !== 'identity') continue;
        const found = ownersOf(policy);
        for (const principal of found) {
          const list = byPrincipal.get(principal);
          if (list) list.push(policy);
          else byPrincipal.set(principal, [policy]);
        }
        if (found.length > 0) continue;
        let group = aloneGroups.get(policy);
        if (!group) aloneGroups.set(policy, (group = { label: undefined, policies: [policy], unknown: [] }));
        alone.push(group as PrincipalPolicies<P>);
      }
      const groups: PrincipalPolicies<P>[] = [];
      const making = new Map<string, PrincipalPolicies<PolicyLocation>>();
      for (const [principal, list] of byPrincipal) {
        let group = made.get(principal);
        // The same policies: the same group (whether a policy is partial is its own, and stays).
        if (!group || !sameItems(group.policies, list)) {
          group = {
            label: principalLabel(PRINCIPAL_TYPES[principal.split('.')[0]], principal),
            policies: list,
            // Statements not read may grant what the others lack.
            unknown: [...(unknown.get(principal) ?? []), ...(list.some((p) => p.partial) ? [l10n.t('statements whose shape only Terraform knows')] : [])],
          };
        }
        making.set(principal, group);
        groups.push(group as PrincipalPolicies<P>);
      }
      made = making;
      // The principals' groups first, then the policies no principal owns.
      for (const group of alone) groups.push(group);
      return groups;
    },
    lambda,
    tables,
  };
}

const NONE: readonly string[] = [];
