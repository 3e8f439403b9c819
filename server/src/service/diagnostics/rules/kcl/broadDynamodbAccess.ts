import { KCL3_INDEX_ACTIONS, LEASE_TABLE_ACTIONS } from '../../../kinesis/kinesisFacts';
import { kclApplies } from '../../helpers/consumerFacts';
import { kclSetVersion } from '../../helpers/leaseTables';
import { at, policyRule, type RuleFinding } from '../../engine/rule';

/**
 * `dynamodb:*` on a KCL consumer's lease table works, but grants far more than the KCL uses
 * (deleting the table, reading backups, changing its policy...).
 */
export const broadDynamodbAccess = policyRule({
  code: 'kcl/broad-dynamodb-access',
  defaultSeverity: 'information',
  kinds: ['identity'],
  judges: 'principal',
  check(context) {
    const version = context.settings.kclVersion;
    if (version === 'none' || !kclApplies(context)) return [];
    const set = kclSetVersion(version);
    const needed = set === '3.x' ? [...LEASE_TABLE_ACTIONS[set], ...KCL3_INDEX_ACTIONS] : LEASE_TABLE_ACTIONS[set];
    const findings: RuleFinding[] = [];
    for (const statement of context.model.statements) {
      if (statement.effect?.value !== 'Allow') continue;
      for (const entry of context.actionsOf(statement)) {
        const { value } = entry;
        if (!entry.wildcard || !value.value.toLowerCase().startsWith('dynamodb:')) continue;
        const { actions } = entry;
        const extra = actions.length - actions.filter((a) => needed.includes(a.qualifiedName)).length;
        if (extra <= 0) continue;
        findings.push(
          at(
            value.node,
            `"${value.value}" grants ${actions.length} DynamoDB actions; a KCL ${version === 'auto' ? set : version} consumer needs only ${needed.length} on its lease table ` +
              `(${needed.map((a) => a.slice('dynamodb:'.length)).join(', ')}). Narrowing it keeps the consumer from deleting or reconfiguring the table.`,
            { data: { action: value.value, replacement: [...needed], kclVersion: set } },
          ),
        );
      }
    }
    return findings;
  },
});
