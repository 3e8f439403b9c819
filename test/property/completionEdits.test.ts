import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { createScanner, SyntaxKind } from 'jsonc-parser';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CompletionItemKind, InsertTextFormat, type CompletionItem } from 'vscode-languageserver-types';
import { parseErrors } from '../support/codeActions';
import { service } from '../support/service';
import { fraction, layout, policyTree, REAL_POLICIES, render } from './arbitraries';
import { fuzzParameters } from './fuzzConfig';
import { documentOf, holds, streamOf, written, type Format, type Place } from './policyHosts';
import { hclParser, terraformService } from '../support/terraform';
import type { Parser } from 'web-tree-sitter';

/** The spans of a text's string literals, keys and values, quotes included. */
function stringSpans(text: string): { offset: number; length: number }[] {
  const scanner = createScanner(text, false);
  const spans: { offset: number; length: number }[] = [];
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    if (kind === SyntaxKind.StringLiteral) spans.push({ offset: scanner.getTokenOffset(), length: scanner.getTokenLength() });
  }
  return spans;
}

/** A snippet's text as the editor inserts it when the user leaves each placeholder as it is. */
function expand(snippet: string): string {
  let out = '';
  for (let i = 0; i < snippet.length; i++) {
    const ch = snippet[i];
    if (ch === '\\' && i + 1 < snippet.length && '\\$}'.includes(snippet[i + 1])) out += snippet[++i];
    else if (ch === '$' && /^\d/.test(snippet.slice(i + 1))) i += /^\d+/.exec(snippet.slice(i + 1))![0].length;
    else if (ch === '$' && snippet[i + 1] === '{') {
      // `${1:default}` or `${1|a,b|}`: the default, or the first choice.
      const close = snippet.indexOf('}', i);
      const body = snippet.slice(i + 2, close);
      const choice = /^\d+\|([^,|]*)/.exec(body);
      out += choice ? choice[1] : body.replace(/^\d+:?/, '');
      i = close;
    } else out += ch;
  }
  return out;
}

/**
 * An item that writes the first part of a key (`ForAnyValue:`) and asks for completion again: the
 * key is whole, its colon and value written, once the second item is accepted.
 */
function keyPrefix(item: CompletionItem): boolean {
  return item.kind === CompletionItemKind.Keyword && item.command?.command === 'editor.action.triggerSuggest';
}

/** The document after an item is accepted, as VS Code applies its edit. */
function accepted(document: TextDocument, item: CompletionItem): string {
  const edit = item.textEdit;
  assert.ok(edit && 'range' in edit, `"${item.label}" has a text edit with a range`);
  const text = item.insertTextFormat === InsertTextFormat.Snippet ? expand(edit.newText) : edit.newText;
  return TextDocument.applyEdits(document, [{ range: edit.range, newText: text }]);
}

/**
 * Completion in a string of a well-formed policy (a key or a value, anywhere in it): every item
 * offered, accepted as it is, leaves the policy well-formed JSON.
 */
describe('completion items accepted in generated policies', () => {
  const totals = { positions: 0, items: 0 };
  after(() => console.log(`# completion: ${totals.positions} positions, ${totals.items} items accepted`));

  function itemsKeepJson(text: string, at: number, within: number): void {
    if (parseErrors(text).length > 0) return;
    const spans = stringSpans(text);
    if (spans.length === 0) return;
    const span = spans[Math.min(spans.length - 1, Math.floor(at * spans.length))];
    // Inside the string, after its opening quote, up to before its closing one.
    itemsKeepJsonAt(text, span.offset + 1 + Math.floor(within * Math.max(0, span.length - 1)));
  }

  function itemsKeepJsonAt(text: string, offset: number): void {
    if (parseErrors(text).length > 0) return;
    const document = TextDocument.create('file:///fuzz/policy.json', 'json', 1, text);
    const list = service.doComplete(document, document.positionAt(offset), service.parsePolicy(document));
    totals.positions++;
    for (const item of (list?.items ?? []).filter((i) => !keyPrefix(i))) {
      totals.items++;
      const result = accepted(document, item);
      assert.deepEqual(parseErrors(result), [], `"${item.label}" accepted at ${offset} keeps the JSON well-formed\n${text}\n->\n${result}`);
    }
  }

  const generated = fc.tuple(policyTree, layout).map(([tree, indent]) => render(tree, indent));

  it('hold on generated policies', () => {
    fc.assert(fc.property(generated, fraction, fraction, itemsKeepJson), fuzzParameters(300, { includeErrorInReport: true }));
  });

  it('hold anywhere in generated policies', () => {
    fc.assert(
      fc.property(generated, fraction, (text, at) => itemsKeepJsonAt(text, Math.floor(at * text.length))),
      fuzzParameters(300, { includeErrorInReport: true }),
    );
  });

  it('hold on real policies', () => {
    fc.assert(fc.property(fc.constantFrom(...REAL_POLICIES), fraction, fraction, itemsKeepJson), fuzzParameters(300, { includeErrorInReport: true }));
  });
});

/**
 * The same where policies live: every item offered anywhere in a template or a Terraform file
 * that reads, accepted as it is, leaves a file that still reads.
 */
describe('completion items accepted in templates and Terraform files', () => {
  let parser: Parser;
  let hosts: Awaited<ReturnType<typeof terraformService>>;
  const totals = { positions: 0, items: 0 };
  before(async () => {
    hosts = await terraformService();
    parser = await hclParser();
  });
  after(() => console.log(`# completion where policies live: ${totals.positions} positions, ${totals.items} items accepted`));

  function itemsKeepFile(policyText: string, format: Format, place: Place, at: number): void {
    if (parseErrors(policyText).length > 0) return;
    const policy: unknown = JSON.parse(policyText);
    const text = written(policy, policyText, format, place);
    if (!holds(parser, text, format, policy)) return;
    const document = documentOf(text, format);
    const template = hosts.parseTemplate(document);
    if (!template) return;
    // Where completion has something to say: after a quote, a colon, a space, `[`, `-` or `=`, in the policy.
    // (The policy's key: `ResourcePolicy` also names the resource's type, `AWS::Kinesis::ResourcePolicy`.)
    const from = Math.max(text.indexOf('PolicyDocument'), text.indexOf('ResourcePolicy:'), text.indexOf('"ResourcePolicy"'), text.lastIndexOf('policy ='));
    const places = [...text.slice(from).matchAll(/["': [\-=]/g)].map((m) => from + m.index + 1);
    if (places.length === 0) return;
    const offset = places[Math.min(places.length - 1, Math.floor(at * places.length))];
    const list = hosts.templateCompletion(document, document.positionAt(offset), template);
    totals.positions++;
    for (const item of (list?.items ?? []).filter((i) => !keyPrefix(i))) {
      totals.items++;
      const result = accepted(document, item);
      assert.doesNotThrow(() => streamOf(parser, result, format), `"${item.label}" accepted at ${offset} leaves a file that reads\n${text}\n->\n${result}`);
    }
  }

  const policyText = policyTree.map((tree) => render(tree, '  '));
  const format = fc.constantFrom<Format>('block', 'flow', 'json', 'heredoc', 'jsonencode');
  const place = fc.constantFrom<Place>('identity', 'identity', 'resource');

  it('hold on generated policies', () => {
    fc.assert(fc.property(policyText, format, place, fraction, itemsKeepFile), fuzzParameters(300, { includeErrorInReport: true }));
  });
});
