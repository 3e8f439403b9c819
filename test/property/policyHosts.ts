import { strict as assert } from 'node:assert';
import { isDeepStrictEqual } from 'node:util';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Parser } from 'web-tree-sitter';
import { Document } from 'yaml';
import { parseErrors } from '../support/codeActions';
import { yamlValue } from '../support/templates';

/** Generated policies where policies live: templates and Terraform files, for the property tests. */

/** How a policy is written where it lives: a template in YAML (block or flow style) or JSON, a Terraform heredoc or `jsonencode`. */
export type Format = 'block' | 'flow' | 'json' | 'heredoc' | 'jsonencode';

export const STREAM = { Orders: { Type: 'AWS::Kinesis::Stream', Properties: { ShardCount: 1 } } };
export const TF_STREAM = 'resource "aws_kinesis_stream" "orders" {\n  name        = "orders"\n  shard_count = 1\n}\n\n';

/** Where the policy is: a managed policy (an identity policy), or the stream's resource policy. */
export type Place = 'identity' | 'resource';

/** A generated policy beside a stream it may name: the file's text. */
export function written(policy: unknown, policyText: string, format: Format, place: Place): string {
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
export function templateText(text: string): string {
  return text.replace(/\$\{/g, '$${').replace(/%\{/g, '%%{');
}

/** A value as an HCL expression, as people write one inside `jsonencode(...)`. */
export function hcl(value: unknown, indent: string): string {
  if (typeof value === 'string') return templateText(JSON.stringify(value).replace(/\\b/g, '\\u0008').replace(/\\f/g, '\\u000c'));
  if (Array.isArray(value)) return `[${value.map((v) => hcl(v, indent)).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const inner = `${indent}  `;
    const entries = Object.entries(value).map(([k, v]) => `${inner}${hcl(k, inner)} = ${hcl(v, inner)}`);
    return entries.length === 0 ? '{}' : `{\n${entries.join('\n')}\n${indent}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function isTerraform(format: Format): boolean {
  return format === 'heredoc' || format === 'jsonencode';
}

export function documentOf(text: string, format: Format): TextDocument {
  if (isTerraform(format)) return TextDocument.create('file:///fuzz/main.tf', 'terraform', 1, text);
  return TextDocument.create(`file:///fuzz/template.${format === 'json' ? 'json' : 'yaml'}`, format === 'json' ? 'json' : 'yaml', 1, text);
}

/** The stream beside the policy, as the file's own language reads it; throws where the file no longer reads. */
export function streamOf(parser: Parser, text: string, format: Format): unknown {
  if (isTerraform(format)) {
    const tree = parser.parse(text);
    assert.ok(tree && !tree.rootNode.hasError, 'the Terraform file parses');
    return text.slice(0, TF_STREAM.length);
  }
  if (format === 'json') assert.deepEqual(parseErrors(text), []);
  return (format === 'json' ? (JSON.parse(text) as { Resources: { Orders: unknown } }) : (yamlValue(text) as { Resources: { Orders: unknown } })).Resources.Orders;
}

/** Whether the file as written holds the policy: the YAML library writes a few odd strings in flow style as YAML it cannot read back itself. */
export function holds(parser: Parser, text: string, format: Format, policy: unknown): boolean {
  try {
    if (isTerraform(format)) return !parser.parse(text)?.rootNode.hasError;
    const value = format === 'json' ? (JSON.parse(text) as unknown) : yamlValue(text);
    const properties = (value as { Resources: { Policy: { Properties: { PolicyDocument?: unknown; ResourcePolicy?: unknown } } } }).Resources.Policy.Properties;
    return isDeepStrictEqual(properties.PolicyDocument ?? properties.ResourcePolicy, policy);
  } catch {
    return false;
  }
}
