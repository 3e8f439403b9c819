import * as l10n from '@vscode/l10n';
import { series } from '../../../l10n';
import { SHAREABLE_ACTIONS } from '../../../kinesis/kinesisFacts';
import { at, type RuleFinding, statementRule } from '../../engine/rule';

/** Kinesis resource policies take no `*` or `?` in `Action`: least privilege, enforced by PutResourcePolicy. */
export const wildcardAction = statementRule({
  code: 'resource-policy/wildcard-action',
  defaultSeverity: 'error',
  kinds: ['kinesis-resource'],
  checkStatement(statement, context) {
    const findings: RuleFinding[] = [];
    // `*` covers every action of every service: the shareable ones among a wildcard's are listed once a check, not once a statement.
    const shareable = context.memo<string[]>(wildcardAction);
    for (const a of context.actionsOf(statement)) {
      if (!a.wildcard) continue;
      let covered = shareable.get(a.value.value);
      if (!covered) shareable.set(a.value.value, (covered = a.actions.map((x) => x.qualifiedName).filter((name) => name in SHAREABLE_ACTIONS)));
      findings.push(
        at(
          a.value.node,
          covered.length > 0
            ? l10n.t(
                '"{0}" uses a wildcard, which Kinesis resource-based policies do not allow: PutResourcePolicy rejects the policy. List the actions to share one by one (of those it covers, these can be shared: {1}).',
                a.value.value,
                series(covered),
              )
            : l10n.t(
                '"{0}" uses a wildcard, which Kinesis resource-based policies do not allow: PutResourcePolicy rejects the policy. List the actions to share one by one.',
                a.value.value,
              ),
          { data: { action: a.value.value, shareable: covered } },
        ),
      );
    }
    return findings;
  },
});
