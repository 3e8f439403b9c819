import { parseArn } from '../catalog/arn';
import type { PolicyModel } from '../policy/policyModel';
import type { PolicyKind } from './rule';
import type { DiagnosticSettings } from './settings';

/**
 * Identity policy when no statement names a principal; otherwise resource-based, and a Kinesis
 * resource policy when its resources are Kinesis ARNs (or, while none is written yet, when its
 * actions are Kinesis actions).
 */
export function decidePolicyKind(model: PolicyModel, forced: DiagnosticSettings['policyKind'] = 'auto'): PolicyKind {
  if (forced === 'identity') return 'identity';
  const hasPrincipal = model.statements.some((s) => s.principal || s.notPrincipal);
  if (forced === 'auto' && !hasPrincipal) return 'identity';
  return isKinesisResourcePolicy(model) ? 'kinesis-resource' : 'other-resource';
}

function isKinesisResourcePolicy(model: PolicyModel): boolean {
  let resources = 0;
  for (const statement of model.statements) {
    for (const { value } of [...(statement.resource?.values ?? []), ...(statement.notResource?.values ?? [])]) {
      resources++;
      if (parseArn(value)?.service.toLowerCase() === 'kinesis') return true;
    }
  }
  if (resources > 0) return false;
  // An empty entry (one being typed) says nothing of the kind.
  const actions = model.statements.flatMap((s) => s.action?.values ?? []).filter((a) => a.value !== '');
  return actions.length > 0 && actions.every((a) => a.value.toLowerCase().startsWith('kinesis:'));
}
