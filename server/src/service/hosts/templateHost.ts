import type { Node as JsonNode } from 'jsonc-parser';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parsePolicy } from '../policy/parsePolicy';
import type { PolicyModel } from '../policy/policyModel';
import { isTemplate, policyLocations, resourceLocations, templateSymbols, type PolicyLocation } from './cloudformation/policyLocations';
import { copiedPolicy, writtenPolicy } from './cloudformation/policyText';
import { ownersOf } from './cloudformation/principals';
import { principalViews } from './principalViews';
import { resolveString, type TemplateSymbols } from './cloudformation/intrinsics';
import { entry, fromJson, stringValue, type TemplateEntry, type TemplateMap, type TemplateNode } from './cloudformation/templateTree';
import { parseYamlTemplate, type ResourceBlock, type YamlTree } from './cloudformation/yamlBlocks';
import { RESOURCE_VALUES } from './cloudformation/resourceValues';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { OffsetMap } from './offsetMap';

/**
 * The host layer: finds the policies in a document that holds them (a CloudFormation or SAM
 * template in JSON or YAML, or CDK output) and gives each as a policy document of its own, which
 * every feature reads as it reads a policy file; `hostedFeatures.ts` maps the answers back.
 */
export interface EmbeddedPolicy extends PolicyLocation {
  /** The policy as a JSON document of its own (same URI as the template). */
  document: TextDocument;
  model: PolicyModel;
  map: OffsetMap;
  /**
   * Whether the checks that judge a principal judge this policy alone: false for an identity
   * policy whose principal has other policies in the template (see `principals`).
   */
  judgedAlone: boolean;
  /** Whether it belongs only to Lambda functions' roles. */
  lambda: boolean;
  /** The template's principals it is attached to (logical ids); none for a resource-based policy. */
  owners: string[];
  /** Where the policy's node started when `map` was last aligned with the template. */
  alignedAt: number;
  /** The diagnostics of its last check, and what they were checked with (see `viewDiagnostics`). */
  checked?: { key: string; diagnostics: Diagnostic[] };
}

/** The identity policies of one principal of the template, written as one policy for the checks that judge what it can do. */
export interface PrincipalView {
  /** `role ConsumerRole`. */
  label: string;
  policies: EmbeddedPolicy[];
  /** Its policies the template does not hold (see `PrincipalPolicies.unknown`). */
  unknown: string[];
  /** Whether it is a Lambda function's role. */
  lambda: boolean;
  document: TextDocument;
  model: PolicyModel;
  map: OffsetMap;
  /** The template's node of each statement of `model`, by index. */
  statements: TemplateNode[];
}

export interface TemplateDocument {
  format: 'json' | 'yaml';
  /** The template's text. */
  text: string;
  root: TemplateMap;
  symbols: TemplateSymbols;
  policies: EmbeddedPolicy[];
  /**
   * The principals with more than one identity policy in the template, or with policies it does
   * not hold. Read it before the policies' `judgedAlone` and `lambda`: it sets them.
   */
  readonly principals: PrincipalView[];
  /** The names of the DynamoDB tables the template creates (unknown ones as `${LogicalId}`). */
  readonly tables: string[];
  /** Whether the template's own syntax is broken (YAML errors): edits then wait for it to be fixed. */
  broken: boolean;
  /** A YAML template's resource blocks and header, kept for the next version (see `yamlBlocks.ts`). */
  blocks?: ResourceBlock[];
  yamlHeader?: YamlTree['header'];
  yamlLayout?: YamlTree['layout'];
  /** What the intrinsic functions of its policies were read with (see `symbolsKey`). */
  symbolsKey: string;
  /** What was read of each resource, for a next version that keeps it (see `ResourceMemo`). */
  memo: Map<TemplateEntry, ResourceMemo>;
}

/** What is read of one resource alone: kept with it while its text is unchanged. */
interface ResourceMemo {
  locations: PolicyLocation[];
  /** Its part of `symbolsKey`. */
  key: string;
}

/** Languages whose documents may be templates. */
export const TEMPLATE_LANGUAGES = ['yaml', 'json', 'jsonc'] as const;

/** A JSON document's template, from the tree already parsed for it; undefined when it is no template. */
export function jsonTemplate(document: TextDocument, root: JsonNode | undefined): TemplateDocument | undefined {
  if (root?.type !== 'object') return undefined;
  const text = document.getText();
  const tree = fromJson(root, text);
  if (!isTemplate(tree)) return undefined;
  // A SAM policy template's statements are made, not written: they are written out as JSON.
  return template(document, 'json', tree, [], (node, symbols) => (node.synthetic ? writtenPolicy(node, symbols) : copiedPolicy(text, node, symbols)));
}

/**
 * A YAML document's template; undefined when it is no template. With the template of an earlier
 * version (which must not be read again), the resources whose text is unchanged are kept, with
 * their policies and those policies' last diagnostics.
 */
export function yamlTemplate(document: TextDocument, previous?: TemplateDocument): TemplateDocument | undefined {
  const text = document.getText();
  let parsed: ReturnType<typeof parseYamlTemplate>;
  try {
    parsed = parseYamlTemplate(text, previous && { text: previous.text, blocks: previous.blocks, header: previous.yamlHeader, layout: previous.yamlLayout });
  } catch {
    return undefined;
  }
  if (!isTemplate(parsed.root)) return undefined;
  const kept = new Map<TemplateNode, EmbeddedPolicy>(previous?.policies.map((p) => [p.node, p]));
  const made = template(document, 'yaml', parsed.root, parsed.errors, (node, symbols) => writtenPolicy(node, symbols), previous && { symbolsKey: previous.symbolsKey, policies: kept, memo: previous.memo });
  made.blocks = parsed.blocks;
  made.yamlHeader = parsed.header;
  made.yamlLayout = parsed.layout;
  return made;
}

function template(
  document: TextDocument,
  format: 'json' | 'yaml',
  root: TemplateMap,
  errors: readonly number[],
  write: (node: TemplateNode, symbols: TemplateSymbols) => { text: string; map: OffsetMap },
  previous?: { symbolsKey: string; policies: ReadonlyMap<TemplateNode, EmbeddedPolicy>; memo: ReadonlyMap<TemplateEntry, ResourceMemo> },
): TemplateDocument {
  const symbols = templateSymbols(root);
  const memo = new Map<TemplateEntry, ResourceMemo>();
  const resources = entry(root, 'Resources');
  for (const resource of resources?.type === 'map' ? resources.entries : []) {
    // A SAM policy template's statements are made at its name: they move with the text, so are made again.
    const kept = previous?.memo.get(resource);
    memo.set(resource, kept && !kept.locations.some((l) => l.node.synthetic) ? kept : { locations: resourceLocations(resource), key: resourceKey(resource) });
  }
  const key = [...symbols.parameters, ...[...memo.values()].map((m) => m.key)].join('\n');
  // Policies of unchanged resources read the same only if what their intrinsic functions name did not change.
  const kept = previous && previous.symbolsKey === key ? previous.policies : undefined;
  // Where the YAML is broken a policy may be read as other than written: such policies wait for it
  // to be mended (the YAML extension, or the editor, points at the error).
  const located = policyLocations(root, (resource) => memo.get(resource)?.locations ?? resourceLocations(resource));
  const readable = errors.length === 0 ? located : located.filter((location) => !errors.some((at) => location.node.start <= at && at <= location.node.end));
  const policies: EmbeddedPolicy[] = readable.map((location) => {
    const owners = location.kind === 'identity' ? ownersOf(location, symbols) : [];
    // A policy of an unchanged resource, read with the same symbols, is the same policy moved.
    const same = kept?.get(location.node);
    if (same) {
      same.map.shift(location.node.start - same.alignedAt);
      return Object.assign(same, location, { judgedAlone: true, lambda: false, owners, alignedAt: location.node.start });
    }
    const { text, map } = write(location.node, symbols);
    const policyDocument = TextDocument.create(document.uri, 'json', document.version, text);
    return { ...location, document: policyDocument, model: parsePolicy(text), map, judgedAlone: true, lambda: false, owners, alignedAt: location.node.start };
  });
  // What only the checks read is worked out when first read: completion and hover after an edit need none of it.
  let principals: PrincipalView[] | undefined;
  let tables: string[] | undefined;
  return {
    format,
    text: document.getText(),
    root,
    symbols,
    policies,
    get principals() {
      principals ??= principalViews(document, policies, symbols);
      return principals;
    },
    get tables() {
      // A table without a TableName gets one from CloudFormation, unknown here: `${LogicalId}`, as `!Ref` reads.
      tables ??= [...symbols.resources]
        .filter(([, r]) => r.type === 'AWS::DynamoDB::Table' || r.type === 'AWS::DynamoDB::GlobalTable')
        .map(([name, r]) => resolveString(entry(r.properties, 'TableName'), symbols) ?? `\${${name}}`);
      return tables;
    },
    broken: errors.length > 0,
    symbolsKey: key,
    memo,
  };
}

/**
 * What reading an intrinsic function depends on of a resource beyond its own text: its logical
 * id, type and the properties `resourceValues.ts` names it by. With the parameters, these make the
 * template's `symbolsKey`: policies read with the same key read the same.
 */
function resourceKey(resource: TemplateEntry): string {
  const type = stringValue(entry(resource.value, 'Type')) ?? '';
  const properties = entry(resource.value, 'Properties');
  const named = [RESOURCE_VALUES[type]?.nameProperty, 'StreamARN'].map((k) => (k ? JSON.stringify(stripPlaces(entry(properties, k))) : '')).join(',');
  return `${resource.key}:${type}:${named}`;
}

/** A node's value without where it stands, for comparing what it says. */
function stripPlaces(node: TemplateNode | undefined): unknown {
  if (!node) return null;
  if (node.type === 'scalar') return [node.tag ?? '', node.value];
  if (node.type === 'seq') return [node.tag ?? '', node.items.map(stripPlaces)];
  return [node.tag ?? '', node.entries.map((e) => [e.key, stripPlaces(e.value)])];
}
