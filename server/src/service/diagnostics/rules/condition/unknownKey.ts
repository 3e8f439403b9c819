import * as l10n from '@vscode/l10n';
import { templateStart, type IamCatalog } from '../../../catalog/iamCatalog';
import { ALL_KINDS } from '../../engine/policyKind';
import { at, type RuleFinding, statementRule } from '../../engine/rule';
import { readClauses } from '../../helpers/conditions';
import { nearest } from '../../helpers/suggest';
import { templateValueIn } from '../../../templates/placeholders';
import { sentences } from '../../../l10n';

/**
 * A condition key the IAM data does not know. A request never carries it, so the condition never
 * holds (or, negated or with IfExists, always does). A misspelt global `aws:` key is an error; a
 * service key the data lacks is a warning, since services add keys before the data has them. Tag
 * keys (`aws:ResourceTag/${TagKey}`, `s3:ExistingObjectTag/<key>`) take any tag name; the keys of
 * identity providers in trust policies (`accounts.google.com:aud`, `SAML:aud`) are not judged.
 */
export const conditionUnknownKey = statementRule({
  code: 'iam/condition-unknown-key',
  defaultSeverity: 'error',
  kinds: ALL_KINDS,
  checkStatement(statement, context) {
    const findings: RuleFinding[] = [];
    for (const { clause } of readClauses(statement)) {
      for (const { key } of clause.keys) {
        const written = key.value;
        if (written === '' || context.catalog.conditionKey(written) || templateValueIn(written)) continue;
        const colon = written.indexOf(':');
        const prefix = colon > 0 ? written.slice(0, colon).toLowerCase() : '';
        // Keys of identity providers in trust policies: `token.actions.githubusercontent.com:sub`,
        // `cognito-identity.amazonaws.com:aud`, `SAML:aud`. The IAM data does not list them.
        if (prefix.includes('.') || prefix === 'saml') continue;
        const suggestion = nearest(written, candidates(context.catalog, prefix));
        const did = suggestion && l10n.t('Did you mean "{0}"?', suggestion);
        const data = { key: written, ...(suggestion ? { suggestion } : {}) };
        if (prefix === 'aws') {
          // Only a near miss of a known global key is surely a typo; anything else may be newer than the data.
          findings.push(
            at(key.node, sentences(l10n.t('"{0}" is not a global condition key, so no request has it and the condition never holds.', written), did), {
              data,
              severity: suggestion ? 'error' : 'warning',
            }),
          );
        } else if (prefix && context.catalog.hasService(prefix)) {
          findings.push(
            at(key.node, sentences(l10n.t('The IAM data ({0}) has no condition key "{1}"; if it is misspelt, the condition never holds.', context.catalog.dataDate, written), did), {
              data,
              severity: 'warning',
            }),
          );
        } else {
          findings.push(
            at(key.node, sentences(l10n.t('"{0}" is not a condition key: keys are "aws:" global keys or "service:Name" keys of an AWS service.', written), did), {
              data,
              severity: 'warning',
            }),
          );
        }
      }
    }
    return findings;
  },
});

/** The keys a misspelling is compared with: the service's own (or every global key), without templates. */
function candidates(catalog: IamCatalog, prefix: string): string[] {
  const service = prefix && prefix !== 'aws' ? catalog.service(prefix) : undefined;
  const names = service ? service.conditionKeys.map((k) => k.name) : catalog.globalConditionKeys().map((k) => k.name);
  return names.filter((name) => templateStart(name) < 0);
}
