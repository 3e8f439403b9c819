import { PSEUDO_PARAMETERS, RESOURCE_VALUES } from './resourceValues';
import { entry, stringValue, untagged, type TemplateNode } from './templateTree';

/**
 * The intrinsic functions of a template (CloudFormation User Guide, "Intrinsic function
 * reference"), in either form: `{"Fn::Sub": ...}` / `{"Ref": ...}` in JSON and YAML's long form,
 * `!Sub` / `!Ref` tags in YAML's short form.
 */
export interface Intrinsic {
  /** `Ref`, `Fn::Sub`, `Fn::GetAtt`, ... */
  name: string;
  /** The function's argument; for a tag, the tagged node itself (its tag is ignored there). */
  argument: TemplateNode | undefined;
}

/** A template's resources and parameters, by logical id: what `!Ref` and `!GetAtt` can name. */
export interface TemplateSymbols {
  resources: ReadonlyMap<string, { type: string; properties: TemplateNode | undefined }>;
  parameters: ReadonlySet<string>;
}

/** An unknown value: a segment the policy checks read as they read a policy variable. */
export const UNKNOWN = '${unknown}';
const MAX_DEPTH = 8;

export function intrinsicOf(node: TemplateNode | undefined): Intrinsic | undefined {
  if (!node) return undefined;
  if (node.tag) {
    const short = node.tag.slice(1);
    return { name: short === 'Ref' || short === 'Condition' ? short : `Fn::${short}`, argument: untagged(node) };
  }
  if (node.type === 'map' && node.entries.length === 1) {
    const [only] = node.entries;
    if (only.key === 'Ref' || only.key.startsWith('Fn::')) return { name: only.key, argument: only.value };
  }
  return undefined;
}

/** For `Fn::If` in a place that takes a structure: the branch to read (the first that is not `AWS::NoValue`). */
export function ifBranch(intrinsic: Intrinsic): TemplateNode | undefined {
  if (intrinsic.name !== 'Fn::If' || intrinsic.argument?.type !== 'seq') return undefined;
  const branches = intrinsic.argument.items.slice(1, 3);
  return branches.find((b) => !isNoValue(b));
}

/** `!Ref AWS::NoValue`: CloudFormation leaves out the property or list item it stands in. */
export function isNoValue(node: TemplateNode): boolean {
  const intrinsic = intrinsicOf(node);
  return intrinsic?.name === 'Ref' && stringValue(intrinsic.argument) === 'AWS::NoValue';
}

/**
 * The string a node stands for, with `${...}` where a part is not known from the template (a
 * parameter, a pseudo parameter, a name CloudFormation makes up). Undefined for what is not a
 * string at all (a map, a list).
 */
export function resolveString(node: TemplateNode | undefined, symbols: TemplateSymbols, depth = 0): string | undefined {
  if (!node) return undefined;
  if (depth > MAX_DEPTH) return UNKNOWN;
  const intrinsic = intrinsicOf(node);
  if (!intrinsic) return node.type === 'scalar' && node.value !== null ? String(node.value) : undefined;
  const argument = intrinsic.argument;
  switch (intrinsic.name) {
    case 'Ref': {
      const name = stringValue(argument);
      return name === undefined ? UNKNOWN : refValue(name, symbols, depth);
    }
    case 'Fn::GetAtt': {
      const [resource, attribute] = getAttParts(argument);
      return resource === undefined || attribute === undefined ? UNKNOWN : getAttValue(resource, attribute, symbols, depth);
    }
    case 'Fn::Sub':
      return substitute(argument, symbols, depth);
    case 'Fn::Join': {
      if (argument?.type !== 'seq') return UNKNOWN;
      const [separator, list] = argument.items;
      if (list?.type !== 'seq') return UNKNOWN;
      return list.items.map((part) => resolveString(part, symbols, depth + 1) ?? UNKNOWN).join(stringValue(separator) ?? '');
    }
    case 'Fn::If': {
      if (argument?.type !== 'seq') return UNKNOWN;
      // A branch that is AWS::NoValue leaves the value out: the other is the value, when there is one.
      const values = argument.items.slice(1, 3).filter((branch) => !isNoValue(branch)).map((branch) => resolveString(branch, symbols, depth + 1));
      return values.length > 0 && values.every((v) => v !== undefined && v === values[0]) ? values[0] : UNKNOWN;
    }
    default:
      // Fn::ImportValue, Fn::Select, Fn::FindInMap, Fn::Base64, Fn::GetAZs, Fn::Split ...: known only when deployed.
      return UNKNOWN;
  }
}

function getAttParts(argument: TemplateNode | undefined): [string | undefined, string | undefined] {
  const dotted = stringValue(argument);
  if (dotted !== undefined) {
    const dot = dotted.indexOf('.');
    return dot < 0 ? [dotted, undefined] : [dotted.slice(0, dot), dotted.slice(dot + 1)];
  }
  if (argument?.type === 'seq') return [stringValue(argument.items[0]), stringValue(argument.items[1])];
  return [undefined, undefined];
}

function refValue(name: string, symbols: TemplateSymbols, depth: number): string {
  if (PSEUDO_PARAMETERS.includes(name) || symbols.parameters.has(name)) return `\${${name}}`;
  const resource = symbols.resources.get(name);
  const values = resource && RESOURCE_VALUES[resource.type];
  return values?.ref ? fill(values.ref, name, symbols, depth) : `\${${name}}`;
}

/** What `!GetAtt Resource.Attribute` gives (see `resolveString`). */
export function attributeOf(resource: string, attribute: string, symbols: TemplateSymbols): string {
  return getAttValue(resource, attribute, symbols, 0);
}

function getAttValue(name: string, attribute: string, symbols: TemplateSymbols, depth: number): string {
  const resource = symbols.resources.get(name);
  const template = resource && RESOURCE_VALUES[resource.type]?.attributes[attribute];
  return template ? fill(template, name, symbols, depth) : `\${${name}.${attribute}}`;
}

/** A value template of `resourceValues.ts` for one resource of the template. */
function fill(template: string, name: string, symbols: TemplateSymbols, depth: number): string {
  const resource = symbols.resources.get(name);
  const values = resource && RESOURCE_VALUES[resource.type];
  const property = (key: string | undefined) => (key ? resolveString(entry(resource?.properties, key), symbols, depth + 1) : undefined);
  const ownName = () => property(values?.nameProperty) ?? `\${${name}}`;
  return template.replace(/\{(name|id|url|consumerArn|streamArn)\}/g, (_m, part: string) => {
    if (part === 'name') return ownName();
    if (part === 'id' || part === 'url') return `\${${name}}`;
    const stream = property('StreamARN') ?? UNKNOWN;
    return part === 'streamArn' ? stream : `${stream}/consumer/${ownName()}:${UNKNOWN}`;
  });
}

/** `Fn::Sub`: `${Name}` and `${Resource.Attribute}` replaced, `${!Literal}` written as `${Literal}`. */
function substitute(argument: TemplateNode | undefined, symbols: TemplateSymbols, depth: number): string {
  const [body, variables] = argument?.type === 'seq' ? [argument.items[0], argument.items[1]] : [argument, undefined];
  const text = stringValue(body);
  if (text === undefined) return UNKNOWN;
  return text.replace(/\$\{([^}]*)\}/g, (match, name: string) => {
    if (name.startsWith('!')) return `\${${name.slice(1)}}`;
    const variable = entry(variables, name);
    if (variable) return resolveString(variable, symbols, depth + 1) ?? UNKNOWN;
    const dot = name.indexOf('.');
    if (dot > 0 && symbols.resources.has(name.slice(0, dot))) return getAttValue(name.slice(0, dot), name.slice(dot + 1), symbols, depth + 1);
    return symbols.resources.has(name) ? refValue(name, symbols, depth + 1) : match;
  });
}
