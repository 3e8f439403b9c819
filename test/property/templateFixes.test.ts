import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import type { Parser } from 'web-tree-sitter';
import { DEFAULT_SETTINGS, type DiagnosticSettings, type PolicyLanguageService } from '../../server/src/service';
import { parseErrors } from '../support/codeActions';
import { RULES_DOC } from '../support/service';
import { hclParser, terraformService } from '../support/terraform';
import { policyTree, render, settings } from './arbitraries';
import { fuzzParameters } from './fuzzConfig';
import { documentOf, holds, streamOf, written, type Format, type Place } from './policyHosts';
import { count, newErrors } from './revealed';

let service: PolicyLanguageService;
let parser: Parser;

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
    if (!holds(parser, text, format, policy) || !service.parseTemplate(documentOf(text, format))) return;
    const before = check(text, format, partial);
    totals.files++;
    const stream = streamOf(parser, text, format);
    for (const diagnostic of before.diagnostics) {
      const offered = service.templateCodeActions(before.document, templateOf(before.document), diagnostic.range, [diagnostic], { ...options(partial, before.diagnostics), only: ['quickfix'] });
      for (const action of offered.filter((a) => a.edit || a.data !== undefined)) {
        const code = String(diagnostic.code);
        const what = `"${action.title}" for ${code} at ${JSON.stringify(diagnostic.range.start)}\n${text}`;
        const changed = apply(before, action, partial);
        assert.notEqual(changed, text, `an action offered changes the file: ${what}`);
        totals.fixes++;
        let after: unknown;
        assert.doesNotThrow(() => (after = streamOf(parser, changed, format)), `the file reads after ${what}\n->\n${changed}`);
        assert.deepEqual(after, stream, `the stream is as it was after ${what}\n->\n${changed}`);
        const fixed = check(changed, format, partial);
        assert.ok(count(fixed, code) < count(before, code), `the finding is gone after ${what}\n->\n${changed}`);
        assert.deepEqual(newErrors(before, fixed, code), [], `no new kind of error after ${what}\n->\n${changed}`);
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
