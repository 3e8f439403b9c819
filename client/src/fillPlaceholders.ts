import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { namePrompt, nameProblem } from '../../common/src/names';
import { sentences } from './sentences';
import { FillPlaceholdersRequest } from '../../common/src/protocol';
import { knownNames } from './workspaceNames';

/**
 * "Fill in STREAM_NAME..." (one placeholder) and "Fill in all placeholders..." (each in turn):
 * asks for the value, checked as New Policy checks it and offered from the names the document
 * and the workspace already use, then writes it wherever the placeholder is. `given` answers
 * instead of asking (tests, other commands).
 */
export async function fillPlaceholders(client: BaseLanguageClient, target?: unknown, name?: unknown, given: Record<string, string> = {}): Promise<boolean> {
  const uri = typeof target === 'string' ? vscode.Uri.parse(target) : vscode.window.activeTextEditor?.document.uri;
  if (!uri) return false;
  const document = await vscode.workspace.openTextDocument(uri);
  const version = document.version;
  const known = await knownNames(client, uri);
  const slots = known.placeholders.filter((p) => typeof name !== 'string' || p.name === name);
  if (slots.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('This policy has no placeholders left to fill in.'));
    return false;
  }
  const values: Record<string, string> = {};
  for (const [i, slot] of slots.entries()) {
    const suggestions = known.names[slot.kind] ?? [];
    const value =
      given[slot.name] ??
      (await vscode.window.showInputBox({
        title: slots.length > 1 ? vscode.l10n.t('Fill in placeholders ({0} of {1})', i + 1, slots.length) : vscode.l10n.t('Fill in {0}', slot.name),
        prompt: sentences(
          slot.count > 1 ? vscode.l10n.t('{0}: replaces {1} in {2} places.', namePrompt(slot.kind), slot.name, slot.count) : vscode.l10n.t('{0}: replaces {1}.', namePrompt(slot.kind), slot.name),
          suggestions.length > 1 && vscode.l10n.t('Also in use: {0}.', suggestions.slice(1, 4).join(', ')),
        ),
        placeHolder: slot.name,
        value: suggestions[0],
        ignoreFocusOut: true,
        validateInput: (v) => nameProblem(slot.kind, v.trim()),
      }));
    if (value === undefined) return false;
    values[slot.name] = value.trim();
  }
  if (document.version !== version) {
    void vscode.window.showWarningMessage(vscode.l10n.t('The policy changed while the values were asked for: nothing was filled in. Run the fix again.'));
    return false;
  }
  const edits = await client.sendRequest(FillPlaceholdersRequest.type, { uri: uri.toString(), version, values });
  if (document.version !== version) {
    void vscode.window.showWarningMessage(vscode.l10n.t('The policy changed while the values were written: nothing was filled in. Run the fix again.'));
    return false;
  }
  if (edits.length === 0) {
    // A placeholder written with JSON escapes reads as one but cannot be replaced in place.
    void vscode.window.showWarningMessage(
      slots.length > 1
        ? vscode.l10n.t('Could not write {0} in place: replace them by hand.', slots.map((s) => s.name).join(', '))
        : vscode.l10n.t('Could not write {0} in place: replace it by hand.', slots[0].name),
    );
    return false;
  }
  const edit = new vscode.WorkspaceEdit();
  edit.set(uri, await client.protocol2CodeConverter.asTextEdits(edits));
  return vscode.workspace.applyEdit(edit);
}
