import * as l10n from '@vscode/l10n';
import { LOGS_ONLY_MANAGED_POLICIES } from '../../kinesis/kinesisFacts';
import { intrinsicOf, resolveString, type TemplateSymbols } from './intrinsics';
import type { PolicyLocation } from './policyLocations';
import { entry, stringValue, type TemplateNode } from './templateTree';

/**
 * Whose identity policies a template's policies are: a role's permissions are all its policies
 * together (its own `Policies`, every `AWS::IAM::Policy` or `ManagedPolicy` that names it in
 * `Roles`, the managed policies of its `ManagedPolicyArns`, a SAM function's `Policies`), and the
 * checks that judge what a principal can do judge them together (IAM User Guide, "Policy
 * evaluation logic": within an account, the principal's identity-based policies are evaluated
 * together).
 */
export interface PrincipalPolicies<P extends PolicyLocation = PolicyLocation> {
  /** `role ConsumerRole`, or undefined for a policy attached to nothing the template creates. */
  label: string | undefined;
  policies: P[];
  /**
   * The principal's policies the template does not hold (AWS managed policies, policies made
   * elsewhere), as the template names them: what they grant is not known here.
   */
  unknown: string[];
}

const PRINCIPAL_TYPES: Readonly<Record<string, string>> = {
  'AWS::IAM::Role': 'role',
  'AWS::IAM::User': 'user',
  'AWS::IAM::Group': 'group',
  'AWS::Serverless::Function': 'the role of function',
  'AWS::Serverless::StateMachine': 'the role of state machine',
};

/** Properties of a policy resource that name the principals it is attached to. */
const ATTACHMENTS: Readonly<Record<string, readonly string[]>> = {
  'AWS::IAM::Policy': ['Roles', 'Users', 'Groups'],
  'AWS::IAM::ManagedPolicy': ['Roles', 'Users', 'Groups'],
  'AWS::IAM::RolePolicy': ['RoleName'],
  'AWS::IAM::UserPolicy': ['UserName'],
  'AWS::IAM::GroupPolicy': ['GroupName'],
};

/** The identity policies of a template grouped by the principal they belong to, in document order. */
export function principalPolicies<P extends PolicyLocation>(
  locations: readonly P[],
  symbols: TemplateSymbols,
  owned: (policy: P) => readonly string[] = (policy) => ownersOf(policy, symbols),
): PrincipalPolicies<P>[] {
  const byPrincipal = new Map<string, P[]>();
  const alone: P[] = [];
  const add = (principal: string, policy: P) => {
    const list = byPrincipal.get(principal) ?? [];
    if (!list.includes(policy)) list.push(policy);
    byPrincipal.set(principal, list);
  };
  for (const policy of locations) {
    if (policy.kind !== 'identity') continue;
    const owners = owned(policy);
    if (owners.length === 0) alone.push(policy);
    for (const owner of owners) add(owner, policy);
  }
  const groups: PrincipalPolicies<P>[] = [...byPrincipal].map(([principal, policies]) => ({
    label: principalLabel(PRINCIPAL_TYPES[symbols.resources.get(principal)?.type ?? ''], principal),
    policies: policies.sort((a, b) => a.node.start - b.node.start),
    unknown: unknownPolicies(principal, symbols),
  }));
  return [...groups, ...alone.map((policy) => ({ label: undefined, policies: [policy], unknown: [] }))];
}

/** A principal's policies that are not in the template: managed policy ARNs, a SAM function's managed policy names. */
export function unknownPolicies(principal: string, symbols: TemplateSymbols): string[] {
  const resource = symbols.resources.get(principal);
  const managed = entry(resource?.properties, 'ManagedPolicyArns');
  const samPolicies = resource?.type.startsWith('AWS::Serverless::') ? entry(resource.properties, 'Policies') : undefined;
  const items = [...(managed?.type === 'seq' ? managed.items : []), ...(samPolicies?.type === 'seq' ? samPolicies.items : samPolicies ? [samPolicies] : [])];
  const unknown = [...samAddedPolicies(principal, symbols), ...items.flatMap((item) => {
    const ref = refersTo(item);
    if (ref !== undefined && symbols.resources.get(ref)?.type === 'AWS::IAM::ManagedPolicy') return [];
    // Policy documents and SAM policy templates are read; names, ARNs and intrinsic functions are not.
    if (item.type === 'map' && !intrinsicOf(item)) return [];
    return [resolveString(item, symbols) ?? l10n.t('a policy')];
  })];
  // Policies known to grant only CloudWatch Logs say nothing the checks ask about.
  return unknown.filter((name) => !LOGS_ONLY_MANAGED_POLICIES.some((logs) => name === logs || name === samAdded(logs) || name.endsWith(`/${logs}`)));
}

/**
 * The managed policies SAM attaches to the role it makes for a function (a SAM function without
 * `Role`): the basic execution role, and one per stream or queue event (the SAM translator,
 * `samtranslator/model/eventsources/pull.py`, `PullEventSource._link_policy`).
 */
export const SAM_EVENT_POLICIES: Readonly<Record<string, string>> = {
  Kinesis: 'AWSLambdaKinesisExecutionRole',
  DynamoDB: 'AWSLambdaDynamoDBExecutionRole',
  SQS: 'AWSLambdaSQSQueueExecutionRole',
};

function samAddedPolicies(principal: string, symbols: TemplateSymbols): string[] {
  const resource = symbols.resources.get(principal);
  if (resource?.type !== 'AWS::Serverless::Function' || entry(resource.properties, 'Role')) return [];
  const events = entry(resource.properties, 'Events');
  const added = (events?.type === 'map' ? events.entries : []).flatMap((e) => SAM_EVENT_POLICIES[stringValue(entry(e.value, 'Type')) ?? ''] ?? []);
  return [...new Set(['AWSLambdaBasicExecutionRole', ...added])].map(samAdded);
}

/** How a message names a managed policy SAM attaches: `AWSLambdaKinesisExecutionRole (added by SAM)`. */
export function samAdded(name: string): string {
  return l10n.t('{0} (added by SAM)', name);
}

/**
 * How a message names a principal of the template: `role ReaderRole`, `the role of function
 * Reader`; `type` is its kind (see `PRINCIPAL_TYPES`).
 */
export function principalLabel(type: string | undefined, principal: string): string {
  switch (type) {
    case 'role':
      return l10n.t('role {0}', principal);
    case 'user':
      return l10n.t('user {0}', principal);
    case 'group':
      return l10n.t('group {0}', principal);
    case 'the role of function':
      return l10n.t('the role of function {0}', principal);
    case 'the role of state machine':
      return l10n.t('the role of state machine {0}', principal);
    default:
      return l10n.t('principal {0}', principal);
  }
}

/** The template's principals a policy is attached to (logical ids). */
export function ownersOf(policy: PolicyLocation, symbols: TemplateSymbols): string[] {
  if (PRINCIPAL_TYPES[policy.resourceType]) return [policy.resource];
  const properties = symbols.resources.get(policy.resource)?.properties;
  const owners = (ATTACHMENTS[policy.resourceType] ?? []).flatMap((key) => principalsNamed(entry(properties, key), symbols));
  // A managed policy is also attached by the roles that list it in ManagedPolicyArns.
  if (policy.resourceType === 'AWS::IAM::ManagedPolicy') {
    for (const [name, resource] of symbols.resources) {
      const arns = entry(resource.properties, 'ManagedPolicyArns');
      if (PRINCIPAL_TYPES[resource.type] && arns?.type === 'seq' && arns.items.some((item) => refersTo(item) === policy.resource)) owners.push(name);
    }
  }
  return [...new Set(owners)];
}

/**
 * The principals that are Lambda functions' roles: a SAM function's own role, and the roles a
 * function names in `Role` (`!GetAtt ReaderRole.Arn`).
 */
export function lambdaRoles(symbols: TemplateSymbols): Set<string> {
  const roles = new Set<string>();
  for (const name of symbols.resources.keys()) {
    const role = functionRole(name, symbols);
    if (role) roles.add(role);
  }
  return roles;
}

/**
 * The principal whose permissions a function of the template runs with: the role its `Role`
 * names, if the template makes it, or a SAM function's own role. Undefined for a role made
 * elsewhere, or for what is no function.
 */
export function functionRole(name: string, symbols: TemplateSymbols): string | undefined {
  const resource = symbols.resources.get(name);
  if (resource?.type !== 'AWS::Lambda::Function' && resource?.type !== 'AWS::Serverless::Function') return undefined;
  const role = entry(resource.properties, 'Role');
  if (!role) return resource.type === 'AWS::Serverless::Function' ? name : undefined;
  const arn = resolveString(role, symbols) ?? '';
  const named = /:role\/(?:.*\/)?([^/]+)$/.exec(arn)?.[1];
  for (const [other, r] of symbols.resources) {
    if (r.type !== 'AWS::IAM::Role') continue;
    if (named === `\${${other}}` || (named !== undefined && stringValue(entry(r.properties, 'RoleName')) === named)) return other;
  }
  return undefined;
}

/** The template's principals a list (or one value) names: by `!Ref`, or by the name its own property gives it. */
function principalsNamed(node: TemplateNode | undefined, symbols: TemplateSymbols): string[] {
  const items = node?.type === 'seq' ? node.items : node ? [node] : [];
  return items.flatMap((item) => {
    const ref = refersTo(item);
    if (ref !== undefined) return symbols.resources.has(ref) ? [ref] : [];
    const name = stringValue(item);
    const named = [...symbols.resources].find(([, r]) => PRINCIPAL_TYPES[r.type] && ['RoleName', 'UserName', 'GroupName'].some((k) => stringValue(entry(r.properties, k)) === name));
    return named ? [named[0]] : [];
  });
}

/** The logical id a `!Ref` names. */
function refersTo(node: TemplateNode): string | undefined {
  const intrinsic = intrinsicOf(node);
  return intrinsic?.name === 'Ref' ? stringValue(intrinsic.argument) : undefined;
}
