import { parseArn } from '../../catalog/arn';
import type { PolicyModel } from '../../policy/policyModel';
import type { PolicyKindSetting } from '../../../../../common/src/choices';

/**
 * What a policy is, for the rules: an identity policy (no principal), a Kinesis resource-based
 * policy (a principal, and Kinesis stream or consumer resources), a VPC endpoint policy (which
 * names `"Principal": "*"` and streams as a matter of course; only by setting or file name), or
 * another resource-based policy such as a role trust policy. The last two get the generic checks.
 */
export const POLICY_KINDS = ['identity', 'kinesis-resource', 'other-resource', 'vpc-endpoint'] as const;
export type PolicyKind = (typeof POLICY_KINDS)[number];

/** The kinds a rule for every policy checks. */
export const ALL_KINDS: readonly PolicyKind[] = POLICY_KINDS;
export const RESOURCE_KINDS: readonly PolicyKind[] = ['kinesis-resource', 'other-resource', 'vpc-endpoint'];

/**
 * Identity policy when no statement names a principal; otherwise resource-based, and a Kinesis
 * resource policy when its resources are Kinesis ARNs (or, while none is written yet, when its
 * actions are Kinesis actions).
 */
export function decidePolicyKind(model: Pick<PolicyModel, 'statements'>, forced: PolicyKindSetting = 'auto'): PolicyKind {
  if (forced === 'identity') return 'identity';
  if (forced === 'vpc-endpoint') return 'vpc-endpoint';
  const hasPrincipal = model.statements.some((s) => s.principal || s.notPrincipal);
  if (forced === 'auto' && !hasPrincipal) return 'identity';
  return isKinesisResourcePolicy(model) ? 'kinesis-resource' : 'other-resource';
}

function isKinesisResourcePolicy(model: Pick<PolicyModel, 'statements'>): boolean {
  let resources = 0;
  for (const statement of model.statements) {
    for (const { value } of [...(statement.resource?.values ?? []), ...(statement.notResource?.values ?? [])]) {
      // What is no ARN yet (empty, `arn:aws:kin` being typed) says nothing of the kind either; `*` does.
      const arn = parseArn(value);
      if (!arn && value !== '*') continue;
      resources++;
      if (arn?.service.toLowerCase() === 'kinesis') return true;
    }
  }
  if (resources > 0) return false;
  // An action that names no service yet (empty, `kin` being typed, a stray character) says nothing
  // of the kind: a statement's Kinesis findings do not come and go with each keystroke of a name.
  const actions = model.statements.flatMap((s) => s.action?.values ?? []).filter((a) => a.value === '*' || a.value.includes(':'));
  return actions.length > 0 && actions.every((a) => a.value.toLowerCase().startsWith('kinesis:'));
}

/**
 * Whether a policy read as a Kinesis resource policy from its content alone could as well be a VPC
 * endpoint policy: every statement's principal is everyone (`"*"` or `{"AWS": "*"}`), as endpoint
 * policies are written (VPC User Guide, "Control access to VPC endpoints using endpoint policies").
 */
export function couldBeEndpointPolicy(model: PolicyModel, forced: PolicyKindSetting): boolean {
  if (forced !== 'auto' || model.statements.length === 0) return false;
  return model.statements.every((s) => {
    const element = s.principal;
    if (!element || s.notPrincipal) return false;
    if (element.bare) return element.bare.value === '*';
    return element.entries.length === 1 && element.entries[0].type.value === 'AWS' && element.entries[0].values.every((v) => v.value === '*');
  });
}