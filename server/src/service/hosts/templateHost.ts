import type { Node as JsonNode } from 'jsonc-parser';
import { parseDocument } from 'yaml';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parsePolicy } from '../policy/parsePolicy';
import type { PolicyModel } from '../policy/policyModel';
import { isTemplate, policyLocations, templateSymbols, type PolicyLocation } from './cloudformation/policyLocations';
import { copiedPolicy, writtenPolicy } from './cloudformation/policyText';
import type { TemplateSymbols } from './cloudformation/intrinsics';
import { fromJson, fromYaml, type TemplateMap, type TemplateNode } from './cloudformation/templateTree';
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
}

export interface TemplateDocument {
  format: 'json' | 'yaml';
  /** The template's text. */
  text: string;
  root: TemplateMap;
  symbols: TemplateSymbols;
  policies: EmbeddedPolicy[];
  /** Whether the template's own syntax is broken (YAML errors): edits then wait for it to be fixed. */
  broken: boolean;
}

/** Languages whose documents may be templates. */
export const TEMPLATE_LANGUAGES = ['yaml', 'json', 'jsonc'] as const;

/** A JSON document's template, from the tree already parsed for it; undefined when it is no template. */
export function jsonTemplate(document: TextDocument, root: JsonNode | undefined): TemplateDocument | undefined {
  if (root?.type !== 'object') return undefined;
  const text = document.getText();
  const tree = fromJson(root, text);
  if (!isTemplate(tree)) return undefined;
  return template(document, 'json', tree, false, (node, symbols) => copiedPolicy(text, node, symbols));
}

/** A YAML document's template; undefined when it is no template. */
export function yamlTemplate(document: TextDocument): TemplateDocument | undefined {
  const text = document.getText();
  let tree: TemplateNode | undefined;
  let broken: boolean;
  try {
    // Keys written twice are CloudFormation's error to report, not a reason to read nothing; short-form
    // tags (!Sub) are kept on their nodes, and the library says nothing of them on the console.
    const parsed = parseDocument(text, { uniqueKeys: false, prettyErrors: false, strict: false, logLevel: 'silent' });
    tree = fromYaml(parsed.contents, text);
    broken = parsed.errors.length > 0;
  } catch {
    return undefined;
  }
  if (!isTemplate(tree)) return undefined;
  return template(document, 'yaml', tree, broken, (node, symbols) => writtenPolicy(node, symbols));
}

function template(
  document: TextDocument,
  format: 'json' | 'yaml',
  root: TemplateMap,
  broken: boolean,
  write: (node: TemplateNode, symbols: TemplateSymbols) => { text: string; map: OffsetMap },
): TemplateDocument {
  const symbols = templateSymbols(root);
  const policies = policyLocations(root).map((location) => {
    const { text, map } = write(location.node, symbols);
    const policyDocument = TextDocument.create(document.uri, 'json', document.version, text);
    return { ...location, document: policyDocument, model: parsePolicy(text), map };
  });
  return { format, text: document.getText(), root, symbols, policies, broken };
}
