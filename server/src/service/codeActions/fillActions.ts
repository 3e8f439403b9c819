import * as l10n from '@vscode/l10n';
import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver-types';
import { COMMANDS } from '../../../../common/src/commands';
import { placeholderSlots } from '../policy/names';
import type { PolicyModel } from '../policy/policyModel';

/**
 * "Fill in STREAM_NAME...": a command, since the value comes from the user (the client asks for
 * it, then has the server write it wherever the placeholder is); "Fill in all placeholders..."
 * asks for each in turn.
 */
export function fillActions(uri: string, model: PolicyModel, diagnostics: readonly Diagnostic[]): CodeAction[] {
  const onPlaceholders = diagnostics.filter((d) => d.code === 'iam/placeholder');
  if (onPlaceholders.length === 0) return [];
  const actions: CodeAction[] = [];
  const named = new Set<string>();
  for (const diagnostic of onPlaceholders) {
    const name = (diagnostic.data as { placeholder?: unknown } | undefined)?.placeholder;
    if (typeof name !== 'string' || named.has(name)) continue;
    named.add(name);
    actions.push({
      title: l10n.t('Fill in {0}...', name),
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      isPreferred: true,
      command: { title: l10n.t('Fill in {0}', name), command: COMMANDS.fillPlaceholders, arguments: [uri, name] },
    });
  }
  const slots = placeholderSlots(model);
  if (slots.length > 1) {
    actions.push({
      title: l10n.t('Fill in all {0} placeholders...', slots.length),
      kind: CodeActionKind.QuickFix,
      diagnostics: onPlaceholders,
      command: { title: l10n.t('Fill in all placeholders'), command: COMMANDS.fillPlaceholders, arguments: [uri] },
    });
  }
  return actions;
}
