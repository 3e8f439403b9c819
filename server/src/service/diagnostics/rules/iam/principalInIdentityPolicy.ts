import * as l10n from '@vscode/l10n';
import { at, statementRule } from '../../engine/rule';
import { sentences } from '../../../l10n';

/**
 * A policy read as an identity policy because the settings, its file name or its place in a
 * template say so, with a
 * statement that names a principal: identity policies cannot (IAM User Guide, "AWS JSON policy
 * elements: Principal"), so IAM rejects it. Without such a setting a principal makes the policy a
 * resource-based one, and nothing is reported.
 */
export const principalInIdentityPolicy = statementRule({
  code: 'iam/principal-in-identity-policy',
  defaultSeverity: 'error',
  kinds: ['identity'],
  checkStatement(statement, context) {
    const element = statement.principal ?? statement.notPrincipal;
    if (!element || context.settings.policyKind !== 'identity') return [];
    const key = element.property.children?.[0] ?? element.property;
    const why = context.settings.kindPlace
      ? l10n.t("A template's {0} is an identity policy; remove the principal.", context.settings.kindPlace)
      : l10n.t('This file is read as an identity policy by the settings; remove the principal, or read the file as a resource-based policy.');
    return [
      at(key, sentences(l10n.t('"{0}" has no place in an identity policy: IAM rejects it.', element.key), why), {
        data: { key: element.key },
      }),
    ];
  },
});
