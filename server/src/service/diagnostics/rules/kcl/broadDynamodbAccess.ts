import * as l10n from '@vscode/l10n';
import { series } from '../../../l10n';
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
            l10n.t(
              '"{0}" grants {1} DynamoDB actions; a KCL {2} consumer needs only {3} on its lease table ({4}). Narrowing it keeps the consumer from deleting or reconfiguring the table.',
              value.value,
              actions.length,
              version === 'auto' ? set : version,
              needed.length,
              series(needed.map((a) => a.slice('dynamodb:'.length))),
            ),
            { data: { action: value.value, replacement: [...needed], kclVersion: set } },
          ),
        );
      }
    }
    return findings;
  },
});
