import TEMPLATES from '../../../../data/sam-policy-templates/policy_templates.json';
import { intrinsicOf } from './intrinsics';
import { entry, madeAt, type TemplateNode } from './templateTree';

/**
 * SAM's policy templates (`KinesisStreamReadPolicy: {StreamName: orders}` in a function's
 * `Policies`), expanded as the SAM translator expands them: the template's `Definition`, with each
 * `{"Ref": "Parameter"}` replaced by the value the function gives (AWS SAM Developer Guide, "AWS
 * SAM policy templates"; the data is SAM's own, see server/data/sam-policy-templates/README.md).
 */
interface SamPolicyTemplate {
  Description: string;
  Parameters: Record<string, { Description?: string }>;
  Definition: unknown;
}

const BY_NAME = (TEMPLATES as { Templates: Record<string, SamPolicyTemplate> }).Templates;

export function samPolicyTemplate(name: string): SamPolicyTemplate | undefined {
  return Object.hasOwn(BY_NAME, name) ? BY_NAME[name] : undefined;
}

/**
 * The policy a SAM policy template grants, as template nodes made (`synthetic`) at `at`, the place
 * of the template's name; the function's parameter values are copied in, intrinsic functions and all.
 */
export function expandSamTemplate(template: SamPolicyTemplate, parameters: TemplateNode | undefined, at: { start: number; end: number }): TemplateNode {
  const node = (value: unknown): TemplateNode => {
    if (Array.isArray(value)) return { type: 'seq', ...at, synthetic: true, flow: true, items: value.map(node) };
    if (value !== null && typeof value === 'object') {
      const fields = Object.entries(value as Record<string, unknown>);
      const [only] = fields;
      if (fields.length === 1 && only[0] === 'Ref' && typeof only[1] === 'string' && Object.hasOwn(template.Parameters, only[1])) {
        const given = entry(parameters, only[1]);
        return given ? madeAt(given, at) : { type: 'scalar', ...at, synthetic: true, value: `\${${only[1]}}`, style: 'json' };
      }
      return {
        type: 'map',
        ...at,
        synthetic: true,
        flow: true,
        entries: fields.map(([key, v]) => ({ key, keyNode: { type: 'scalar', ...at, synthetic: true, value: key, style: 'json' }, value: node(v) })),
      };
    }
    const scalar = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : null;
    return { type: 'scalar', ...at, synthetic: true, value: scalar, style: 'json' };
  };
  const definition = node(template.Definition);
  // The translator writes the policy language version in; the definitions leave it out.
  if (definition.type === 'map' && !definition.entries.some((e) => e.key === 'Version')) {
    definition.entries.unshift({ key: 'Version', keyNode: { type: 'scalar', ...at, synthetic: true, value: 'Version', style: 'json' }, value: { type: 'scalar', ...at, synthetic: true, value: '2012-10-17', style: 'json' } });
  }
  return definition;
}

/** A SAM policy template named in a `Policies` list item: `{KinesisStreamReadPolicy: {...}}`. */
export function samTemplateItem(item: TemplateNode): { name: string; template: SamPolicyTemplate; parameters: TemplateNode | undefined; key: { start: number; end: number } } | undefined {
  if (item.type !== 'map' || item.entries.length !== 1 || intrinsicOf(item)) return undefined;
  const [only] = item.entries;
  const template = samPolicyTemplate(only.key);
  return template && { name: only.key, template, parameters: only.value, key: { start: only.keyNode.start, end: only.keyNode.end } };
}


