import * as l10n from '@vscode/l10n';
import { series } from '../../../l10n';
import { ALL_KINDS } from '../../engine/policyKind';
import { at, type RuleFinding, statementRule } from '../../engine/rule';
import { readClauses, statementKeys } from '../../helpers/conditions';
import { templateFits, type IamCatalog } from '../../../catalog/iamCatalog';

/**
 * A service's condition key that none of the statement's actions (nor the resource types they
 * take) supports, by the Service Authorization Reference: requests for those actions never carry
 * it, so the condition never holds, or always does when negated or with IfExists. Global keys
 * apply to every action and are not judged here.
 */
export const conditionKeyNotApplicable = statementRule({
  code: 'iam/condition-key-not-applicable',
  defaultSeverity: 'warning',
  kinds: ALL_KINDS,
  checkStatement(statement, context) {
    const clauses = readClauses(statement);
    if (clauses.length === 0) return [];
    const supported = statementKeys(statement, context.catalog);
    if (!supported) return [];
    const findings: RuleFinding[] = [];
    const actions = (statement.action?.values ?? []).map((v) => v.value);
    const named = actions.length > 3 ? l10n.t('{0} and {1} more', series(actions.slice(0, 3)), actions.length - 3) : series(actions);
    for (const { clause, meaning } of clauses) {
      for (const { key } of clause.keys) {
        const info = context.catalog.conditionKey(key.value);
        if (!info || info.global || supported.has(info.name.toLowerCase())) continue;
        // A tag key written in (`sagemaker:ResourceTag/App`) fits the template a resource type lists.
        if ([...supported].some((name) => templateFits(name, key.value))) continue;
        // A key the reference attaches to no action or resource type of its service: it does not say where it applies.
        if (!attachedInService(context.catalog, info.name)) continue;
        const always = meaning && (meaning.ifExists || meaning.negated);
        const message =
          meaning?.family === 'Null'
            ? l10n.t('None of this statement\'s actions ({0}) supports "{1}", so their requests never carry it: this Null check always finds it absent.', named, key.value)
            : always
              ? l10n.t('None of this statement\'s actions ({0}) supports "{1}", so their requests never carry it: this condition is always true and restricts nothing.', named, key.value)
              : l10n.t(
                  'None of this statement\'s actions ({0}) supports "{1}", so their requests never carry it: this condition never holds, and the statement never applies.',
                  named,
                  key.value,
                );
        findings.push(at(key.node, message, { data: { key: key.value } }));
      }
    }
    return findings;
  },
});

/** Whether some action or resource type of the key's service lists the key. */
function attachedInService(catalog: IamCatalog, name: string): boolean {
  const service = catalog.service(name.slice(0, name.indexOf(':')));
  if (!service) return false;
  const lower = name.toLowerCase();
  const listed = (keys: readonly string[] | undefined) => (keys ?? []).some((k) => k.toLowerCase() === lower);
  return service.actions.some((a) => listed(a.conditionKeys)) || service.resourceTypes.some((t) => listed(t.conditionKeys));
}
