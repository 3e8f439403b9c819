import * as l10n from '@vscode/l10n';
import type { IamCatalog } from '../../../catalog/iamCatalog';
import { sentences } from '../../../l10n';
import type { PolicyString } from '../../../policy/policyModel';
import { nearest } from '../../helpers/suggest';
import { templateValueIn } from '../../../templates/placeholders';
import { at, type RuleFinding, statementRule } from '../../engine/rule';
import { ALL_KINDS } from '../../engine/policyKind';

/** An action, service or wildcard that names nothing IAM knows grants or denies nothing. */
export const unknownAction = statementRule({
  code: 'iam/unknown-action',
  defaultSeverity: 'error',
  kinds: ALL_KINDS,
  checkStatement(statement, context) {
    const findings: RuleFinding[] = [];
    const report = (value: PolicyString) => {
      // A template's value (`!Ref ActionsParameter`) is known only when the stack is deployed.
      if (value.value === '*' || value.value === '' || templateValueIn(value.value)) return;
      const suggestion = suggestAction(context.catalog, value.value);
      findings.push(
        at(value.node, sentences(describe(context.catalog, value.value), suggestion && l10n.t('Did you mean {0}?', suggestion)), {
          data: { action: value.value, suggestion },
        }),
      );
    };
    for (const a of context.actionsOf(statement)) if (!a.known) report(a.value);
    for (const value of statement.notAction?.values ?? []) if (!context.catalog.matchesAnyAction(value.value)) report(value);
    return findings;
  },
});

function describe(catalog: IamCatalog, written: string): string {
  const colon = written.indexOf(':');
  if (colon < 0) return l10n.t('"{0}" is not an action: actions are written service:Action, e.g. kinesis:GetRecords.', written);
  const prefix = written.slice(0, colon);
  if (!/[*?]/.test(prefix) && !catalog.hasService(prefix)) {
    return l10n.t('"{0}" is not an AWS service prefix, so "{1}" matches no action and grants nothing.', prefix, written);
  }
  return l10n.t('"{0}" matches no {1} action, so it grants nothing (IAM data of {2}).', written, prefix, catalog.dataDate);
}

function suggestAction(catalog: IamCatalog, written: string): string | undefined {
  if (/[*?]/.test(written)) return undefined;
  const colon = written.indexOf(':');
  const prefix = colon < 0 ? undefined : written.slice(0, colon);
  const name = colon < 0 ? written : written.slice(colon + 1);
  const service = prefix && catalog.hasService(prefix) ? catalog.service(prefix) : undefined;
  if (service) {
    const match = nearest(name, service.actions.map((a) => a.name));
    return match ? `${service.prefix}:${match}` : undefined;
  }
  // An unknown or missing prefix: a misspelt service whose action exists, or a Kinesis action without its prefix.
  const servicePrefix = prefix ? nearest(prefix, catalog.services().map((s) => s.prefix)) : 'kinesis';
  const action = servicePrefix ? catalog.action(`${servicePrefix}:${name}`) : undefined;
  return action?.qualifiedName;
}
