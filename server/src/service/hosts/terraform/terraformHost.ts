import { parseTree } from 'jsonc-parser';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Node as SyntaxNode, Tree } from 'web-tree-sitter';
import { parsePolicy } from '../../policy/parsePolicy';
import type { PolicyKindSetting } from '../../../../../common/src/choices';
import type { TemplateSymbols } from '../cloudformation/intrinsics';
import type { PolicyLocation } from '../cloudformation/policyLocations';
import { writtenPolicy } from '../cloudformation/policyText';
import { fromJson, type TemplateMap, type TemplateNode } from '../cloudformation/templateTree';
import { policyDocumentNode } from './policyDocument';
import type { EmbeddedPolicy, PrincipalView, TemplateDocument } from '../hostModel';
import { principalViews } from '../principalViews';
import { terraformPrincipals } from './principals';
import { hclValue, referencePath, type References } from './hclValues';
import { ARN_TYPES, referenceValue } from './resourceValues';
import { attributeOf, childBlocks, labels, topBlocks, valueOf } from './hclBlocks';

/**
 * Terraform configurations (`.tf`): the policies in them, read from the tree the tree-sitter
 * HCL grammar makes, as the host layer's policies. What is read (Terraform AWS provider
 * documentation, registry.terraform.io/providers/hashicorp/aws/latest/docs):
 * - a resource's policy attribute (`aws_iam_policy.policy`, `aws_iam_role.assume_role_policy`,
 *   `aws_kinesis_resource_policy.policy`, ...) written as `jsonencode({...})`, a heredoc or a
 *   string of JSON;
 * - `data "aws_iam_policy_document"` blocks, whose `statement` blocks are the policy's
 *   statements, read as the data source writes its `json`; one that a resource's policy names
 *   (`data.aws_iam_policy_document.x.json`) is read as that place's kind of policy.
 */

type Kind = Exclude<PolicyKindSetting, 'auto'>;

/** The policy attributes of resources, and the kind of policy each holds. */
const POLICY_ATTRIBUTES: Readonly<Record<string, Readonly<Record<string, Kind>>>> = {
  aws_iam_policy: { policy: 'identity' },
  aws_iam_role_policy: { policy: 'identity' },
  aws_iam_user_policy: { policy: 'identity' },
  aws_iam_group_policy: { policy: 'identity' },
  // A trust policy: a resource-based policy whose resource is the role.
  aws_iam_role: { assume_role_policy: 'resource' },
  aws_kinesis_resource_policy: { policy: 'resource' },
  aws_kms_key: { policy: 'resource' },
};


const NO_SYMBOLS: TemplateSymbols = { resources: new Map(), parameters: new Set() };

/** A Terraform file's policies; undefined when it holds none. */
export function terraformTemplate(document: TextDocument, tree: Tree, reparse?: (text: string) => Tree | undefined): TemplateDocument | undefined {
  const text = document.getText();
  const blocks = topBlocks(tree.rootNode);
  const references = referencesOf(blocks);
  const locations: PolicyLocation[] = [];
  const policyFiles: { path: string; kind: Kind }[] = [];
  const documents = new Map<string, { block: SyntaxNode; kind?: Kind; users: string[]; sharing?: boolean }>();
  for (const block of blocks) {
    const [keyword, type, name] = labels(block);
    if (keyword === 'data' && type === 'aws_iam_policy_document' && name) documents.set(name, { block, users: [] });
  }
  for (const block of blocks) {
    const [keyword, type, name] = labels(block);
    if (keyword !== 'resource' || !type || !name) continue;
    const attributes = POLICY_ATTRIBUTES[type] ?? {};
    const places: { attribute: SyntaxNode; kind: Kind; path: string }[] = [];
    for (const [attributeName, kind] of Object.entries(attributes)) {
      const attribute = attributeOf(block, attributeName);
      if (attribute) places.push({ attribute, kind, path: attributeName });
    }
    // A role's inline policies: `inline_policy { policy = ... }`.
    if (type === 'aws_iam_role') {
      for (const inline of childBlocks(block, 'inline_policy')) {
        const attribute = attributeOf(inline, 'policy');
        if (attribute) places.push({ attribute, kind: 'identity', path: 'inline_policy.policy' });
      }
    }
    for (const { attribute, kind, path } of places) {
      const expression = valueOf(attribute);
      if (!expression) continue;
      // `data.aws_iam_policy_document.x.json` (also `x[0]`, inside `one()`, `try()` or a
      // conditional): those documents, read as this place's kind.
      const named = documentsNamed(expression.text);
      if (named.length > 0) {
        for (const documentName of named) {
          const used = documents.get(documentName);
          if (!used) continue;
          used.kind ??= kind;
          if (type === 'aws_kinesis_resource_policy') used.sharing = true;
          used.users.push(path.startsWith('inline_policy') ? `${type}.${name}#inline` : `${type}.${name}`);
        }
        continue;
      }
      // `file("${path.module}/share.json")`: a policy file of the workspace, read there with this kind.
      const read = fileRead(expression);
      if (read) {
        policyFiles.push({ path: read, kind });
        continue;
      }
      const node = policyNode(expression, text, references);
      if (node) locations.push({ node, kind, resource: `${type}.${name}`, resourceType: type, path, ...(type === 'aws_kinesis_resource_policy' ? { sharing: true } : {}) });
    }
  }
  // A document merges others (`source_policy_documents`, `override_policy_documents`): each is read once.
  const read = new Map<string, TemplateMap | null>();
  const merged = new Set<string>();
  /** Documents some of whose statements are not read (see `policyDocument.ts`), and those that merge them. */
  const partial = new Set<string>();
  const documentNode = (name: string, into?: string): TemplateMap | undefined => {
    if (into !== undefined) merged.add(name);
    const known = read.get(name);
    if (known !== undefined) {
      if (into !== undefined && partial.has(name)) partial.add(into);
      return known ?? undefined;
    }
    const found = documents.get(name);
    read.set(name, null);
    const written = found && policyDocumentNode(found.block, references, (expression) => mergedNode(expression, text, references, (other) => documentNode(other, name)));
    if (written?.partial) partial.add(name);
    if (into !== undefined && partial.has(name)) partial.add(into);
    read.set(name, written?.node ?? null);
    return written?.node;
  };
  for (const name of documents.keys()) documentNode(name);
  for (const [name, { kind, users, sharing }] of documents) {
    const node = documentNode(name);
    // A document only merged into others is judged there, with the statements it is merged with.
    if (merged.has(name) && users.length === 0) continue;
    // One no resource of the file uses (a module's output, a local) is read as its content says.
    if (node) {
      locations.push({
        node,
        kind: kind ?? 'auto',
        resource: `data.aws_iam_policy_document.${name}`,
        resourceType: 'aws_iam_policy_document',
        path: 'statement',
        ...(sharing ? { sharing } : {}),
        ...(partial.has(name) ? { partial: true } : {}),
      });
    }
  }
  locations.sort((a, b) => a.node.start - b.node.start);
  // Where the HCL is broken a policy may be read as other than written: it waits to be mended.
  const readable = locations.filter((l) => !hasErrorWithin(tree.rootNode, l.node.start, l.node.end));
  // A broken file that would hold policies is told broken (the command line reports it); another holds none.
  const mayHoldPolicies = tree.rootNode.hasError && [...Object.keys(POLICY_ATTRIBUTES), 'aws_iam_policy_document'].some((type) => text.includes(`"${type}"`));
  if (locations.length === 0 && policyFiles.length === 0 && !mayHoldPolicies) return undefined;
  const who = terraformPrincipals(blocks, new Map([...documents].map(([name, d]) => [`data.aws_iam_policy_document.${name}`, d.users])));
  const policies: EmbeddedPolicy[] = readable.map((location) => {
    const { text: json, map } = writtenPolicy(location.node, NO_SYMBOLS);
    return { ...location, document: TextDocument.create(document.uri, 'json', document.version, json), model: parsePolicy(json), map: map.follow(location.node), judgedAlone: true, lambda: false };
  });
  let principals: PrincipalView[] | undefined;
  return {
    format: 'hcl',
    text,
    root: { type: 'map', start: 0, end: text.length, entries: [], flow: false },
    symbols: NO_SYMBOLS,
    policies,
    policiesAt: () => policies,
    get principals() {
      principals ??= principalViews(document, policies, NO_SYMBOLS, { ownersOf: (p) => who.owners(p), groups: who.groups(policies), lambda: who.lambda });
      return principals;
    },
    tables: who.tables,
    owners: (policy) => who.owners(policy),
    broken: tree.rootNode.hasError,
    syntaxErrors: syntaxErrors(tree.rootNode),
    probe: (start, end, insert) => {
      const probed = text.slice(0, start) + insert + text.slice(end);
      const probeTree = reparse?.(probed);
      if (!probeTree) return undefined;
      try {
        return terraformTemplate(TextDocument.create(document.uri, document.languageId, document.version, probed), probeTree);
      } finally {
        probeTree.delete();
      }
    },
    ownResources: ownResources(blocks, references),
    policyFiles,
    symbolsKey: [],
    memo: new Map(),
  };
}

/** Policies written as JSON text (a heredoc, a string), edited as JSON rather than as HCL. */
const JSON_TEXT = new WeakSet<TemplateNode>();

export function isJsonText(node: TemplateNode): boolean {
  return JSON_TEXT.has(node);
}

/** The policy an attribute's value holds: `jsonencode({...})`, or a string or heredoc of JSON. */
function policyNode(expression: SyntaxNode, text: string, references: References): TemplateMap | undefined {
  const call = expression.namedChildren[0];
  if (call?.type === 'function_call' && call.namedChildren[0]?.text === 'jsonencode') {
    const argument = call.namedChildren.find((c) => c?.type === 'function_arguments')?.namedChildren.find((c) => c?.type === 'expression');
    const value = argument && hclValue(argument, references);
    return value?.type === 'map' && knownShape(value) ? value : undefined;
  }
  const span = heredocSpan(expression) ?? literalSpan(expression, references);
  if (!span) return undefined;
  // JSON written in the file: read where it is written, so that every offset maps exactly.
  const json = text.slice(span.start, span.end);
  const tree = parseTree(json);
  if (tree?.type !== 'object') return undefined;
  const node = shifted(fromJson(tree, json), span.start);
  if (node.type !== 'map') return undefined;
  templateEscapes(node);
  JSON_TEXT.add(node);
  return node;
}

/** A string's characters, where they stand for themselves (one literal, no escapes). */
function literalSpan(expression: SyntaxNode, references: References): { start: number; end: number } | undefined {
  const value = hclValue(expression, references);
  return value?.type === 'scalar' && typeof value.value === 'string' ? value.content : undefined;
}

/**
 * A heredoc's text, interpolations (`${aws_kinesis_stream.orders.arn}`) included: in JSON they
 * stand inside strings, which the checks read as text known when Terraform runs. A heredoc with
 * template directives (`%{ for ... }`) writes text only Terraform knows, and is not read. The
 * indentation `<<-` strips is JSON's whitespace.
 */
function heredocSpan(expression: SyntaxNode): { start: number; end: number } | undefined {
  let heredoc: SyntaxNode | null = expression;
  while (heredoc && heredoc.type !== 'heredoc_template' && heredoc.namedChildren.length === 1) heredoc = heredoc.namedChildren[0];
  if (heredoc?.type !== 'heredoc_template') return undefined;
  const parts = heredoc.namedChildren.filter((c): c is SyntaxNode => c !== null && c.type !== 'heredoc_start' && c.type !== 'heredoc_identifier');
  if (parts.length === 0 || parts.some((p) => p.type !== 'template_literal' && p.type !== 'template_interpolation')) return undefined;
  return { start: parts[0].startIndex, end: parts[parts.length - 1].endIndex };
}

/** HCL's template escapes in JSON text read where written: `$${aws:username}` is IAM's `${aws:username}`. */
function templateEscapes(node: TemplateNode): void {
  if (node.type === 'scalar') {
    if (typeof node.value === 'string' && /[$%]{2}\{/.test(node.value)) {
      node.value = node.value.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{');
      node.content = undefined;
    }
  } else if (node.type === 'map') {
    for (const e of node.entries) {
      templateEscapes(e.keyNode);
      if (typeof e.keyNode.value === 'string') e.key = e.keyNode.value;
      if (e.value) templateEscapes(e.value);
    }
  } else for (const item of node.items) templateEscapes(item);
}

/**
 * Whether a policy's statements are written out: a `for` expression or a variable where the
 * statements are makes them known only when Terraform runs, and such a policy is not judged.
 */
function knownShape(policy: TemplateMap): boolean {
  const statement = policy.entries.find((e) => e.key === 'Statement')?.value;
  if (!statement) return true;
  if (statement.type === 'scalar') return typeof statement.value !== 'string' || !statement.value.includes('${');
  return statement.type === 'map' || statement.items.every((item) => item.type === 'map');
}

/** The policy documents an expression's text names by their `.json`. */
function documentsNamed(text: string): string[] {
  return [...new Set([...text.matchAll(/\bdata\.aws_iam_policy_document\.([A-Za-z_][\w-]*)(?:\[[^\]]*\])?\.json\b/g)].map((m) => m[1]))];
}

/** A document an expression names: another policy document of the file (`.json`), or JSON written there. */
function mergedNode(expression: SyntaxNode, text: string, references: References, documentNode: (name: string) => TemplateMap | undefined): TemplateMap | undefined {
  const named = referencePath(expression);
  if (named?.[0] === 'data' && named[1] === 'aws_iam_policy_document' && named[3] === 'json' && named.length === 4) return documentNode(named[2]);
  return policyNode(expression, text, references);
}

/**
 * The path `file(...)` or `templatefile(...)` reads, from the configuration's folder (Terraform's
 * `path.module` and `path.root` are that folder for a root module); undefined for anything else.
 */
function fileRead(expression: SyntaxNode): string | undefined {
  const call = expression.namedChildren[0];
  const name = call?.type === 'function_call' ? call.namedChildren[0]?.text : undefined;
  if (name !== 'file' && name !== 'templatefile') return undefined;
  const argument = call?.namedChildren.find((c) => c?.type === 'function_arguments')?.namedChildren.find((c) => c?.type === 'expression');
  const value = argument && hclValue(argument, () => undefined);
  if (value?.type !== 'scalar' || typeof value.value !== 'string') return undefined;
  const path = value.value.replace(/^\$\{path\.(module|root)\}\//, '');
  return path.includes('${') || path.startsWith('/') ? undefined : path;
}

/** The configuration's resources whose ARN a policy may name, with what the reference stands for. */
function ownResources(blocks: SyntaxNode[], references: References): { text: string; detail: string; service: string }[] {
  return blocks.flatMap((block) => {
    const [keyword, type, name] = labels(block);
    if (keyword !== 'resource' || !type || !name || !ARN_TYPES.includes(type)) return [];
    const arn = references([type, name, 'arn']);
    return arn ? [{ text: `${type}.${name}.arn`, detail: `${type}: ${arn}`, service: arn.split(':')[2] ?? '' }] : [];
  });
}

/** What the configuration's references stand for: its resources' attributes (see `resourceValues.ts`). */
function referencesOf(blocks: SyntaxNode[]): References {
  const resources = new Map<string, SyntaxNode>();
  for (const block of blocks) {
    const [keyword, type, name] = labels(block);
    if (keyword === 'resource' && type && name) resources.set(`${type}.${name}`, block);
  }
  const references: References = (path) => {
    const [type, name, attribute] = path;
    const block = type && name ? resources.get(`${type}.${name}`) : undefined;
    if (!block || !attribute || path.length !== 3) return undefined;
    return referenceValue(type, name, attribute, (key) => {
      const attribute = attributeOf(block, key);
      const expression = attribute && valueOf(attribute);
      const value = expression && hclValue(expression, () => undefined);
      return value?.type === 'scalar' && typeof value.value === 'string' && !value.value.includes('${') ? value.value : undefined;
    });
  };
  return references;
}

/** The first few places the HCL is broken: an unexpected piece (ERROR) or a missing one. */
function syntaxErrors(root: SyntaxNode): { start: number; end: number }[] {
  const found: { start: number; end: number }[] = [];
  const stack: SyntaxNode[] = [root];
  while (stack.length > 0 && found.length < 20) {
    const node = stack.pop()!;
    if (!node.hasError && !node.isMissing) continue;
    if (node.isError || node.isMissing) {
      found.push({ start: node.startIndex, end: node.endIndex });
      continue;
    }
    for (let i = node.childCount - 1; i >= 0; i--) {
      const child = node.child(i);
      if (child) stack.push(child);
    }
  }
  return found;
}

function hasErrorWithin(root: SyntaxNode, start: number, end: number): boolean {
  if (!root.hasError) return false;
  const stack: SyntaxNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.endIndex < start || node.startIndex > end || !node.hasError) continue;
    if (node.isError || node.isMissing) return true;
    for (const child of node.children) if (child) stack.push(child);
  }
  return false;
}

function shifted(node: TemplateNode, by: number): TemplateNode {
  node.start += by;
  node.end += by;
  if (node.type === 'scalar') {
    if (node.content) node.content = { start: node.content.start + by, end: node.content.end + by };
  } else if (node.type === 'map') {
    for (const e of node.entries) {
      shifted(e.keyNode, by);
      if (e.value) shifted(e.value, by);
    }
  } else for (const item of node.items) shifted(item, by);
  return node;
}
