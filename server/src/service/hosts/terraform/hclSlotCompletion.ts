import { CompletionItemKind, InsertTextFormat, type CompletionItem, type CompletionList } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { PolicyLanguageService } from '../../languageService';
import { entry } from '../cloudformation/templateTree';
import type { TemplateDocument } from '../hostModel';
import { statementAround, within } from '../slotCompletion';
import { hclStringText } from './hclValues';
import { lineBefore, textOf } from '../../text/documentText';

/**
 * Completion where an HCL value is not written yet: `actions = [|]`, after a comma, `type = |`,
 * or where a reference is being typed (`resources = [aws_kinesis_st|]`).
 * As in YAML (see `slotCompletion.ts`), the file is read again with an empty string typed at the
 * cursor, and the policy language's items for that string are inserted as HCL strings; in a
 * `Resource`, the configuration's own resources come first, as references.
 */
export function hclSlotCompletion(service: PolicyLanguageService, host: TextDocument, template: TemplateDocument, offset: number): CompletionList | null {
  // Read around the cursor: a keystroke's completion does not make the whole text of a large file.
  const line = lineBefore(host, offset);
  const after = textOf(host).slice(offset, offset + 200);
  // Nothing written yet, or a reference being typed (`aws_kinesis_st`): either is replaced.
  const word = /[[,=]\s*([A-Za-z_][\w.-]*)?$/.exec(line);
  if (template.format !== 'hcl' || !template.probe || !word || !/^[ \t]*(\r?\n|$|[\],}])/.test(after)) return null;
  const from = offset - (word[1]?.length ?? 0);
  const probed = template.probe(from, offset, '""');
  const probe = from + 1;
  const policy = probed.find((p) => !p.node.synthetic && p.node.start <= probe && probe <= p.node.end);
  const inside = policy?.map.toJson(probe);
  if (!policy || inside === undefined) return null;
  const list = service.doComplete(policy.document, policy.document.positionAt(inside), policy.model);
  const range = { start: host.positionAt(from), end: host.positionAt(offset) };
  const items: CompletionItem[] = (list?.items ?? []).flatMap((item) => {
    const edit = item.textEdit && 'newText' in item.textEdit ? item.textEdit : undefined;
    if (!edit || !/^"(?:[^"\\]|\\.)*"$/.test(edit.newText)) return [];
    const newText = item.insertTextFormat === InsertTextFormat.Snippet ? edit.newText : hclStringText(edit.newText);
    return [{ ...item, sortText: `1${item.sortText ?? item.label}`, textEdit: { range, newText } }];
  });
  // In a Resource, the configuration's own resources first, those of the statement's services before others.
  const statement = statementAround(policy.node, probe);
  if (statement && ['Resource', 'NotResource'].some((key) => within(entry(statement, key), probe))) {
    const actions = entry(statement, 'Action');
    const services = new Set((actions?.type === 'seq' ? actions.items : actions ? [actions] : []).flatMap((a) => (a.type === 'scalar' && typeof a.value === 'string' ? [a.value.split(':')[0].toLowerCase()] : [])));
    for (const resource of template.ownResources ?? []) {
      items.push({
        label: resource.text,
        kind: CompletionItemKind.Reference,
        detail: resource.detail,
        sortText: `0${services.has(resource.service) ? 0 : 1}${resource.text}`,
        textEdit: { range, newText: resource.text },
      });
    }
  }
  return items.length > 0 ? { isIncomplete: list?.isIncomplete ?? false, items } : null;
}
