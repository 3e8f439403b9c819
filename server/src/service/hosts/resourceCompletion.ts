import { CompletionItemKind, type CompletionItem, type Range, type TextEdit } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { parseArn } from '../catalog/arn';
import { attributeOf, UNKNOWN } from './cloudformation/intrinsics';
import { RESOURCE_VALUES } from './cloudformation/resourceValues';
import { entry, isEmptyValue, stringValue, type TemplateNode } from './cloudformation/templateTree';
import { textOf } from '../text/documentText';
import type { TemplateDocument } from './hostModel';

/**
 * In a `Resource` of a template's policy, the template's own resources come first: `!GetAtt
 * Orders.Arn`, and a `!Sub` ARN with `${AWS::Partition}`, `${AWS::Region}` and `${AWS::AccountId}`
 * (`{"Fn::GetAtt": [...]}` and `{"Fn::Sub": ...}` in a JSON template). Those whose service is the
 * statement's actions' come first.
 */
export function templateResourceItems(host: TextDocument, template: TemplateDocument, offset: number): CompletionItem[] {
  const at = resourceValueAt(host, template, offset);
  if (!at) return [];
  const { value } = at;
  // The items write their own intrinsic function: they replace the value, its tag included.
  return resourceItems(template, at.statement, { start: host.positionAt(value ? value.start : offset), end: host.positionAt(value ? value.end : offset) });
}

/** The template's own resources as values of a statement's `Resource`, each replacing `range`. */
export function resourceItems(template: TemplateDocument, statement: TemplateNode, range: Range): CompletionItem[] {
  const services = new Set(actionsOf(statement).map((a) => a.split(':')[0].toLowerCase()));
  const items: CompletionItem[] = [];
  for (const [name, resource] of template.symbols.resources) {
    const values = RESOURCE_VALUES[resource.type];
    if (!values) continue;
    for (const [attribute, pattern] of Object.entries(values.attributes)) {
      if (!pattern.startsWith('arn:') && pattern !== '{consumerArn}') continue;
      const arn = attributeOf(name, attribute, template.symbols);
      // What CloudFormation cannot fill in is not offered.
      if (arn.includes(UNKNOWN)) continue;
      const service = parseArn(arn)?.service ?? '';
      const rank = services.has(service) ? '0' : '1';
      const edit = (newText: string): TextEdit => ({ range, newText });
      items.push({
        label: `!GetAtt ${name}.${attribute}`,
        kind: CompletionItemKind.Reference,
        detail: `${resource.type}: ${arn}`,
        sortText: `${rank}0${name}`,
        filterText: template.format === 'json' ? `"${name}` : `!GetAtt ${name}.${attribute}`,
        textEdit: edit(template.format === 'json' ? `{ "Fn::GetAtt": ["${name}", "${attribute}"] }` : `!GetAtt ${name}.${attribute}`),
      });
      // The same ARN written out, for a pattern to edit (`stream/${Orders}/consumer/*`).
      const sub = subText(pattern, name, values.ref);
      if (sub && !sub.includes(UNKNOWN)) {
        items.push({
          label: `!Sub '${sub}'`,
          kind: CompletionItemKind.Reference,
          detail: `${resource.type} ${name}`,
          sortText: `${rank}1${name}`,
          filterText: template.format === 'json' ? `"${name}` : `!Sub ${name}`,
          textEdit: edit(template.format === 'json' ? `{ "Fn::Sub": ${JSON.stringify(sub)} }` : `!Sub '${sub}'`),
        });
      }
    }
  }
  return items;
}

/** An attribute's ARN as a `!Sub` string, where the resource's `!Ref` gives the name or id it is made of. */
function subText(pattern: string, name: string, ref: string | undefined): string | undefined {
  if (!pattern.startsWith('arn:') || (ref !== '{name}' && ref !== '{id}')) return undefined;
  return pattern.replace(/\{(name|id)\}/g, `\${${name}}`);
}

/**
 * The value of a `Resource` or `NotResource` of a written statement under the offset, with its
 * statement; no value where the key is written with none yet (`Resource: ` and the cursor after it).
 */
function resourceValueAt(host: TextDocument, template: TemplateDocument, offset: number): { statement: TemplateNode; value?: TemplateNode } | undefined {
  const text = textOf(host);
  // The policy the cursor is in, or the last to start before it (a key written last, with no value yet, ends before the cursor).
  let policy: (typeof template.policies)[number] | undefined;
  for (const p of template.policiesAt(offset)) if (!p.node.synthetic && p.node.start <= offset) policy = p;
  if (policy) {
    const list = entry(policy.node, 'Statement');
    for (const statement of list?.type === 'seq' ? list.items : list ? [list] : []) {
      for (const key of ['Resource', 'NotResource']) {
        // `Resource: |` with nothing written yet: the map's range may end before the cursor.
        const written = statement.type === 'map' ? statement.entries.find((e) => e.key === key) : undefined;
        if (written && isEmptyValue(written.value) && offset > written.keyNode.end && !text.slice(written.keyNode.end, offset).includes('\n')) return { statement };
        if (offset < statement.start || offset > statement.end) continue;
        const value = entry(statement, key);
        for (const item of value?.type === 'seq' ? value.items : value ? [value] : []) {
          if (item.start <= offset && offset <= item.end && (item.type === 'scalar' || item.tag !== undefined || item.type === 'map')) return { statement, value: item };
        }
      }
    }
  }
  return undefined;
}

function actionsOf(statement: TemplateNode): string[] {
  const value = entry(statement, 'Action');
  return (value?.type === 'seq' ? value.items : value ? [value] : []).flatMap((v) => stringValue(v) ?? []);
}
