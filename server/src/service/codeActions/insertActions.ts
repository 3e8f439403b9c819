import * as l10n from '@vscode/l10n';
import { CodeActionKind } from 'vscode-languageserver-types';
import type { DiagnosticSettings } from '../diagnostics/engine/settings';
import type { PolicyModel } from '../policy/policyModel';
import { paramsFromPolicy, statementsFor } from '../templates/policyTemplates';
import { appendStatements, isEmptyDocument } from './statements';
import type { PolicyTransaction } from './transaction';
import { uniqueSid } from './fixes/fix';
import { KCL_VERSIONS, type KclVersion, type PolicyRole } from '../../../../common/src/choices';

export interface InsertAction {
  title: string;
  role: PolicyRole;
  kcl?: KclVersion;
}

/** The refactoring kind VS Code shows insert actions under. */
export const INSERT_KIND = `${CodeActionKind.Refactor}.insert`;


/**
 * What can be inserted into this document: identity-policy statements into an identity policy,
 * resource-policy statements into a resource policy, anything into an empty document.
 */
export function insertActionsFor(model: PolicyModel, settings: DiagnosticSettings): InsertAction[] {
  const empty = isEmptyDocument(model);
  if (!empty && (!model.isPolicy || model.duplicateKeys)) return [];
  const resourcePolicy = model.statements.some((s) => s.principal || s.notPrincipal);
  const actions: InsertAction[] = [];
  if (empty || !resourcePolicy) {
    // The configured version first; with `auto` (or `none`), the newest first.
    const configured = settings.kclVersion;
    const versions = configured === 'none' || configured === 'auto' ? [...KCL_VERSIONS].reverse() : [configured, ...KCL_VERSIONS.filter((v) => v !== configured)];
    actions.push({ title: l10n.t('Add Kinesis producer statement'), role: 'producer' });
    for (const kcl of versions) actions.push({ title: l10n.t('Add KCL consumer statements (KCL {0})', kcl), role: 'kcl-consumer', kcl });
    actions.push({ title: l10n.t('Add enhanced fan-out consumer statements'), role: 'efo-consumer' });
  }
  if (empty || resourcePolicy) {
    actions.push({ title: l10n.t('Add cross-account read access (resource policy)'), role: 'cross-account-read' });
    actions.push({ title: l10n.t('Add cross-account write access (resource policy)'), role: 'cross-account-write' });
    const consumerPolicy = model.statements.some((s) => s.resource?.values.some((r) => r.value.includes('/consumer/')));
    if (empty || !consumerPolicy) {
      actions.push({ title: l10n.t("Share an enhanced fan-out consumer (resource policies): the stream's statement"), role: 'consumer-share-stream' });
    }
    if (empty || consumerPolicy) {
      actions.push({ title: l10n.t("Share an enhanced fan-out consumer (resource policies): the consumer's statement"), role: 'consumer-share-consumer' });
    }
  }
  return actions;
}

/** Writes the role's statements, named after what the document already uses, with unique Sids. */
export function applyInsert(tx: PolicyTransaction, action: Pick<InsertAction, 'role' | 'kcl'>): void {
  const used = new Set(tx.model.statements.map((s) => s.sid?.value));
  const statements = statementsFor(action.role, paramsFromPolicy(tx.model), action.kcl).map((s) => {
    const Sid = uniqueSid(used, s.Sid);
    used.add(Sid);
    return { ...s, Sid };
  });
  appendStatements(tx, statements);
}
