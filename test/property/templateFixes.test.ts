import { strict as assert } from 'node:assert';
import { after, describe, it } from 'node:test';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import { Document } from 'yaml';
import { DEFAULT_SETTINGS, type DiagnosticSettings } from '../../server/src/service';
import { parseErrors } from '../support/codeActions';
import { RULES_DOC, service } from '../support/service';
import { parsedTemplate, yamlValue } from '../support/templates';
import { policyTree, render, settings } from './arbitraries';
import { fuzzParameters } from './fuzzConfig';

/** How a template is written: YAML in block style, YAML in flow style, or JSON. */
type Format = 'block' | 'flow' | 'json';

/** A generated policy as a managed policy of a template, next to a stream it may name. */
function template(policy: unknown, format: Format): string {
  const value = {
    Resources: {
      Orders: { Type: 'AWS::Kinesis::Stream', Properties: { ShardCount: 1 } },
      Policy: { Type: 'AWS::IAM::ManagedPolicy', Properties: { PolicyDocument: policy } },
    },
  };
  if (format === 'json') return `${JSON.stringify(value, null, 2)}\n`;
  // The policy's own part in flow style, as people write a short statement.
  return new Document(value).toString({ collectionStyle: format === 'flow' ? 'flow' : 'block', lineWidth: 0 });
}

interface Checked {
  document: TextDocument;
  diagnostics: Diagnostic[];
}

function check(text: string, format: Format, partial: Partial<DiagnosticSettings>): Checked {
  const document = TextDocument.create(format === 'json' ? 'file:///fuzz/template.json' : 'file:///fuzz/template.yaml', format === 'json' ? 'json' : 'yaml', 1, text);
  const diagnostics = service.templateDiagnostics(document, parsedTemplate(document), options(partial));
  return { document, diagnostics };
}

function options(partial: Partial<DiagnosticSettings>, allDiagnostics?: Diagnostic[]) {
  return { settings: { ...DEFAULT_SETTINGS, ...partial }, rulesDocumentation: RULES_DOC, ...(allDiagnostics ? { allDiagnostics } : {}) };
}

/** Resolves an action as the editor does when the user picks it, and applies it. */
function apply(c: Checked, action: CodeAction, partial: Partial<DiagnosticSettings>): string {
  const resolved = action.edit ? action : service.resolveTemplateCodeAction(c.document, parsedTemplate(c.document), action, options(partial, c.diagnostics));
  return TextDocument.applyEdits(c.document, resolved.edit?.changes?.[c.document.uri] ?? []);
}

/** The template's value as CloudFormation reads it, or the reason it cannot be read. */
function read(text: string, format: Format): unknown {
  if (format !== 'json') return yamlValue(text);
  assert.deepEqual(parseErrors(text), []);
  return JSON.parse(text) as unknown;
}

function readsBack(text: string, format: Format, policy: unknown): boolean {
  try {
    return isDeepStrictEqual((read(text, format) as { Resources: { Policy: { Properties: { PolicyDocument: unknown } } } }).Resources.Policy.Properties.PolicyDocument, policy);
  } catch {
    return false;
  }
}

const count = (c: Checked, code: string) => c.diagnostics.filter((d) => d.code === code).length;

/**
 * Every quick fix offered on a generated policy in a template, YAML or JSON: the template still
 * reads, there is one fewer finding of the fix's rule, the template's other resources are as they
 * were, and resolving the same action again on the fixed template changes nothing.
 */
describe('quick fixes on generated policies in templates', () => {
  const totals = { templates: 0, fixes: 0 };
  after(() => console.log(`# template quick fixes: ${totals.templates} templates, ${totals.fixes} fixes applied`));

  function fixesHold(policyText: string, format: Format, partial: Partial<DiagnosticSettings>): void {
    if (parseErrors(policyText).length > 0) return;
    const policy: unknown = JSON.parse(policyText);
    const text = template(policy, format);
    // The YAML library writes a few odd strings in flow style as YAML it cannot read back itself.
    if (!readsBack(text, format, policy)) return;
    const before = check(text, format, partial);
    totals.templates++;
    const stream = (read(text, format) as { Resources: Record<string, unknown> }).Resources.Orders;
    for (const diagnostic of before.diagnostics) {
      const offered = service.templateCodeActions(before.document, parsedTemplate(before.document), diagnostic.range, [diagnostic], { ...options(partial, before.diagnostics), only: ['quickfix'] });
      for (const action of offered.filter((a) => a.edit || a.data !== undefined)) {
        const code = String(diagnostic.code);
        const what = `"${action.title}" for ${code} at ${JSON.stringify(diagnostic.range.start)}\n${text}`;
        const changed = apply(before, action, partial);
        if (changed === text) continue;
        totals.fixes++;
        let value: { Resources: Record<string, unknown> } | undefined;
        assert.doesNotThrow(() => (value = read(changed, format) as typeof value), `the template reads after ${what}\n->\n${changed}`);
        assert.deepEqual(value?.Resources.Orders, stream, `the stream is as it was after ${what}\n->\n${changed}`);
        const fixed = check(changed, format, partial);
        assert.ok(count(fixed, code) < count(before, code), `the finding is gone after ${what}\n->\n${changed}`);
      }
    }
  }

  const policyText = policyTree.map((tree) => render(tree, '  '));
  const format = fc.constantFrom<Format>('block', 'flow', 'json');

  it('hold on generated policies', () => {
    fc.assert(fc.property(policyText, format, settings, fixesHold), fuzzParameters(150, { includeErrorInReport: true }));
  });
});
