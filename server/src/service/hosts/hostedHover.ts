import * as l10n from '@vscode/l10n';
import { sentences } from '../l10n';
import { MarkupContent, type Hover, type Position } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { PolicyLanguageService } from '../languageService';
import { intrinsicOf, isNoValue, resolveString } from './cloudformation/intrinsics';
import { stringValue, type TemplateNode } from './cloudformation/templateTree';
import { hostRange, policyAt } from './hostedFeatures';
import type { EmbeddedPolicy, TemplateDocument } from './hostModel';

/**
 * Hover in a template: on a policy, what a policy file's hover says; on an intrinsic function, the
 * value it is read as; on a SAM policy template's name, what it grants.
 */
export function templateHover(service: PolicyLanguageService, host: TextDocument, template: TemplateDocument, position: Position): Hover | null {
  const sam = samTemplateHover(host, template, host.offsetAt(position));
  if (sam) return sam;
  const at: { policy: EmbeddedPolicy; position: Position; intrinsic?: IntrinsicSpan } | undefined = policyAt(host, template, position) ?? intrinsicAt(host, template, position);
  const hover = at && service.doHover(at.policy.document, at.position, at.policy.model);
  if (!at || (!hover && !at.intrinsic)) return null;
  const range = at.intrinsic ? { start: host.positionAt(at.intrinsic.start), end: host.positionAt(at.intrinsic.end) } : hover?.range && hostRange(host, at.policy, hover.range);
  const read = at.intrinsic ? sentences(readAs(template, at.policy.document.getText().slice(...at.intrinsic.json).replace(/`/g, "'")), choices(template, at.intrinsic.node)) : undefined;
  const contents = hover && MarkupContent.is(hover.contents) ? hover.contents.value : '';
  return { contents: { kind: 'markdown', value: [read, contents].filter(Boolean).join('\n\n---\n\n') }, ...(range ? { range } : {}) };
}

/** An intrinsic function's place in the template, and the string it stands for in the policy's text. */
interface IntrinsicSpan {
  start: number;
  end: number;
  json: [number, number];
  node: TemplateNode;
}

/** On a SAM policy template's name: what it is for, and the policy it expands to with the function's values. */
function samTemplateHover(host: TextDocument, template: TemplateDocument, offset: number): Hover | undefined {
  const policy = template.policiesAt(offset).find((p) => p.samTemplate && p.samTemplate.key.start <= offset && offset <= p.samTemplate.key.end);
  if (!policy?.samTemplate) return undefined;
  const { name, description, key } = policy.samTemplate;
  const expanded = JSON.stringify(JSON.parse(policy.document.getText()), null, 2);
  return {
    contents: {
      kind: 'markdown',
      value: `${l10n.t('**SAM policy template `{0}`**: {1}.', name, description)}\n\n${l10n.t("It grants, with this function's values:")}\n\n\`\`\`json\n${expanded}\n\`\`\``,
    },
    range: { start: host.positionAt(key.start), end: host.positionAt(key.end) },
  };
}

/** What an intrinsic function (in HCL, a reference) is read as in the policy. */
function readAs(template: TemplateDocument, value: string): string {
  return template.format === 'hcl'
    ? l10n.t('Read as `{0}`: what the configuration says of the value; `${...}` is known only when Terraform runs, and is read as any text.', value)
    : l10n.t('Read as `{0}`: what the template says of the value; `${...}` is known only when the stack is deployed, and is read as any text.', value);
}

/** For `!If`: the values it chooses between, each as it is read. */
function choices(template: TemplateDocument, node: TemplateNode): string {
  const intrinsic = intrinsicOf(node);
  if (intrinsic?.name !== 'Fn::If' || intrinsic.argument?.type !== 'seq') return '';
  const [condition, ...branches] = intrinsic.argument.items;
  const values = branches.slice(0, 2).map((b) => (isNoValue(b) ? l10n.t('nothing (AWS::NoValue)') : `\`${(resolveString(b, template.symbols) ?? '…').replace(/`/g, "'")}\``));
  return values.length === 2 ? l10n.t('The condition {0} chooses {1} or {2}.', stringValue(condition) ?? '', values[0], values[1]) : '';
}

/** In HCL, a reference or an interpolated string: a value read, not copied. */
function isReference(node: TemplateNode): boolean {
  return node.type === 'scalar' && typeof node.value === 'string' && !node.content && node.value.includes('${');
}

/** An intrinsic function (in HCL, a reference) under the position, read at the start of the string it stands for. */
function intrinsicAt(
  host: TextDocument,
  template: TemplateDocument,
  position: Position,
): { policy: EmbeddedPolicy; position: Position; intrinsic: IntrinsicSpan } | undefined {
  const offset = host.offsetAt(position);
  const policy = template.policiesAt(offset).find((p) => !p.node.synthetic && p.node.start <= offset && offset <= p.node.end);
  let node: TemplateNode | undefined = policy?.node;
  while (node && !intrinsicOf(node) && !(template.format === 'hcl' && isReference(node))) {
    const children: TemplateNode[] = node.type === 'map' ? node.entries.flatMap((e) => (e.value ? [e.value] : [])) : node.type === 'seq' ? node.items : [];
    node = children.find((c) => c.start <= offset && offset <= c.end);
  }
  const json = node && policy?.map.toJson(node.start);
  if (!policy || !node || json === undefined || policy.document.getText()[json] !== '"') return undefined;
  const end = policy.document.getText().indexOf('"', json + 1);
  return { policy, position: policy.document.positionAt(json + 1), intrinsic: { start: node.start, end: node.end, json: [json + 1, end], node } };
}
