import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import type { Parser } from 'web-tree-sitter';
import { Document } from 'yaml';
import { DEFAULT_SETTINGS, type DiagnosticSettings, type PolicyLanguageService } from '../../server/src/service';
import { parseErrors } from '../support/codeActions';
import { RULES_DOC } from '../support/service';
import { yamlValue } from '../support/templates';
import { hclParser, terraformService } from '../support/terraform';
import { policyTree, render, settings } from './arbitraries';
import { fuzzParameters } from './fuzzConfig';
import { PLACEHOLDER, REVEALED_BY } from './revealed';

/** How a policy is written where it lives: a template in YAML (block or flow style) or JSON, a Terraform heredoc or `jsonencode`. */
type Format = 'block' | 'flow' | 'json' | 'heredoc' | 'jsonencode';

const STREAM = { Orders: { Type: 'AWS::Kinesis::Stream', Properties: { ShardCount: 1 } } };
const TF_STREAM = 'resource "aws_kinesis_stream" "orders" {\n  name        = "orders"\n  shard_count = 1\n}\n\n';

/** Where the policy is: a managed policy (an identity policy), or the stream's resource policy. */
type Place = 'identity' | 'resource';

/** A generated policy beside a stream it may name: the file's text. */
function written(policy: unknown, policyText: string, format: Format, place: Place): string {
  if (format === 'heredoc' || format === 'jsonencode') {
    const value = format === 'heredoc' ? `<<EOF\n${templateText(policyText)}\nEOF` : `jsonencode(${hcl(policy, '  ')})`;
    const owner = place === 'identity' ? 'resource "aws_iam_policy" "reader" {\n  name   = "reader"' : 'resource "aws_kinesis_resource_policy" "share" {\n  resource_arn = aws_kinesis_stream.orders.arn';
    return `${TF_STREAM}${owner}\n  policy = ${value}\n}\n`;
  }
  const properties = place === 'identity' ? { PolicyDocument: policy } : { ResourceArn: { 'Fn::GetAtt': ['Orders', 'Arn'] }, ResourcePolicy: policy };
  const value = { Resources: { ...STREAM, Policy: { Type: place === 'identity' ? 'AWS::IAM::ManagedPolicy' : 'AWS::Kinesis::ResourcePolicy', Properties: properties } } };
  if (format === 'json') return `${JSON.stringify(value, null, 2)}\n`;
  return new Document(value).toString({ collectionStyle: format === 'flow' ? 'flow' : 'block', lineWidth: 0 });
}

/** Text in a Terraform string or heredoc: `${` and `%{` would start an interpolation or a directive. */
function templateText(text: string): string {
  return text.replace(/\$\{/g, '$${').replace(/%\{/g, '%%{');
}

/** A value as an HCL expression, as people write one inside `jsonencode(...)`. */
function hcl(value: unknown, indent: string): string {
  if (typeof value === 'string') return templateText(JSON.stringify(value).replace(/\\b/g, '\\u0008').replace(/\\f/g, '\\u000c'));
  if (Array.isArray(value)) return `[${value.map((v) => hcl(v, indent)).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const inner = `${indent}  `;
    const entries = Object.entries(value).map(([k, v]) => `${inner}${hcl(k, inner)} = ${hcl(v, inner)}`);
    return entries.length === 0 ? '{}' : `{\n${entries.join('\n')}\n${indent}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

let service: PolicyLanguageService;
let parser: Parser;

function isTerraform(format: Format): boolean {
  return format === 'heredoc' || format === 'jsonencode';
}

function documentOf(text: string, format: Format): TextDocument {
  if (isTerraform(format)) return TextDocument.create('file:///fuzz/main.tf', 'terraform', 1, text);
  return TextDocument.create(`file:///fuzz/template.${format === 'json' ? 'json' : 'yaml'}`, format === 'json' ? 'json' : 'yaml', 1, text);
}

function templateOf(document: TextDocument) {
  const template = service.parseTemplate(document);
  if (!template) throw new Error(`Not read as a template:\n${document.getText()}`);
  return template;
}

interface Checked {
  document: TextDocument;
  diagnostics: Diagnostic[];
}

function options(partial: Partial<DiagnosticSettings>, allDiagnostics?: Diagnostic[]) {
  return { settings: { ...DEFAULT_SETTINGS, ...partial }, rulesDocumentation: RULES_DOC, ...(allDiagnostics ? { allDiagnostics } : {}) };
}

function check(text: string, format: Format, partial: Partial<DiagnosticSettings>): Checked {
  const document = documentOf(text, format);
  return { document, diagnostics: service.templateDiagnostics(document, templateOf(document), options(partial)) };
}

/** Resolves an action as the editor does when the user picks it, and applies it. */
function apply(c: Checked, action: CodeAction, partial: Partial<DiagnosticSettings>): string {
  const resolved = action.edit ? action : service.resolveTemplateCodeAction(c.document, templateOf(c.document), action, options(partial, c.diagnostics));
  return TextDocument.applyEdits(c.document, resolved.edit?.changes?.[c.document.uri] ?? []);
}

/** The stream beside the policy, as the file's own language reads it; throws where the file no longer reads. */
function streamOf(text: string, format: Format): unknown {
  if (isTerraform(format)) {
    const tree = parser.parse(text);
    assert.ok(tree && !tree.rootNode.hasError, 'the Terraform file parses');
    return text.slice(0, TF_STREAM.length);
  }
  if (format === 'json') assert.deepEqual(parseErrors(text), []);
  return (format === 'json' ? (JSON.parse(text) as { Resources: { Orders: unknown } }) : (yamlValue(text) as { Resources: { Orders: unknown } })).Resources.Orders;
}

/** Whether the file as written holds the policy: the YAML library writes a few odd strings in flow style as YAML it cannot read back itself. */
function holds(text: string, format: Format, policy: unknown): boolean {
  try {
    if (isTerraform(format)) return !parser.parse(text)?.rootNode.hasError;
    const value = format === 'json' ? (JSON.parse(text) as unknown) : yamlValue(text);
    const properties = (value as { Resources: { Policy: { Properties: { PolicyDocument?: unknown; ResourcePolicy?: unknown } } } }).Resources.Policy.Properties;
    return isDeepStrictEqual(properties.PolicyDocument ?? properties.ResourcePolicy, policy);
  } catch {
    return false;
  }
}

const count = (c: Checked, code: string) => c.diagnostics.filter((d) => d.code === code).length;

/** The codes of the errors reported, but for placeholders. */
function errorCodes(c: Checked): Set<string> {
  return new Set(c.diagnostics.filter((d) => d.severity === 1 && d.code !== PLACEHOLDER).map((d) => String(d.code)));
}

/**
 * Every quick fix offered on a generated policy where policies live (YAML and JSON templates,
 * Terraform heredocs and `jsonencode`; a managed policy or the stream's resource policy): it
 * changes the file, the file still reads, the stream beside the policy is as it was, there is one
 * fewer finding of the fix's rule and no new kind of error (but those the fixed one hid, see
 * `revealed.ts`), and resolving the same action again (a fix-all) changes nothing.
 */
describe('quick fixes on generated policies in templates and Terraform files', () => {
  const totals = { files: 0, fixes: 0 };
  before(async () => {
    service = await terraformService();
    parser = await hclParser();
  });
  after(() => console.log(`# quick fixes where policies live: ${totals.files} files, ${totals.fixes} fixes applied`));

  function fixesHold(policyText: string, format: Format, place: Place, partial: Partial<DiagnosticSettings>): void {
    if (parseErrors(policyText).length > 0) return;
    const policy: unknown = JSON.parse(policyText);
    const text = written(policy, policyText, format, place);
    // A policy whose statements are not all written out (a list of strings here) is not judged in Terraform.
    if (!holds(text, format, policy) || !service.parseTemplate(documentOf(text, format))) return;
    const before = check(text, format, partial);
    totals.files++;
    const stream = streamOf(text, format);
    for (const diagnostic of before.diagnostics) {
      const offered = service.templateCodeActions(before.document, templateOf(before.document), diagnostic.range, [diagnostic], { ...options(partial, before.diagnostics), only: ['quickfix'] });
      for (const action of offered.filter((a) => a.edit || a.data !== undefined)) {
        const code = String(diagnostic.code);
        const what = `"${action.title}" for ${code} at ${JSON.stringify(diagnostic.range.start)}\n${text}`;
        const changed = apply(before, action, partial);
        assert.notEqual(changed, text, `an action offered changes the file: ${what}`);
        totals.fixes++;
        let after: unknown;
        assert.doesNotThrow(() => (after = streamOf(changed, format)), `the file reads after ${what}\n->\n${changed}`);
        assert.deepEqual(after, stream, `the stream is as it was after ${what}\n->\n${changed}`);
        const fixed = check(changed, format, partial);
        assert.ok(count(fixed, code) < count(before, code), `the finding is gone after ${what}\n->\n${changed}`);
        const was = errorCodes(before);
        const added = [...errorCodes(fixed)].filter((c) => !was.has(c) && !(REVEALED_BY[code] ?? []).includes(c));
        assert.deepEqual(added, [], `no new kind of error after ${what}\n->\n${changed}`);
        // An action resolved when picked, picked again after the fix (one that comes with its edit
        // is asked for anew), unless a twin of the finding took its place.
        const twin = fixed.diagnostics.some((d) => d.code === code && d.range.start.line === diagnostic.range.start.line && d.range.start.character === diagnostic.range.start.character);
        if (!twin && !action.edit) assert.equal(apply(fixed, action, partial), changed, `resolving again changes nothing after ${what}\n->\n${changed}`);
      }
    }
  }

  const policyText = policyTree.map((tree) => render(tree, '  '));
  const format = fc.constantFrom<Format>('block', 'flow', 'json', 'heredoc', 'jsonencode');
  const place = fc.constantFrom<Place>('identity', 'identity', 'resource');

  it('hold on generated policies', () => {
    fc.assert(fc.property(policyText, format, place, settings, fixesHold), fuzzParameters(200, { includeErrorInReport: true }));
  });
});
