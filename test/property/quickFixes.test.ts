import { strict as assert } from 'node:assert';
import { after, describe, it } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, Position } from 'vscode-languageserver-types';
import { DEFAULT_SETTINGS, FIX_ALL_KIND, type DiagnosticSettings } from '../../server/src/service';
import { parseErrors } from '../support/codeActions';
import { RULES_DOC, service } from '../support/service';
import { layout, mutated, policyTree, REAL_POLICIES, render, settings } from './arbitraries';
import { fuzzParameters } from './fuzzConfig';
import { count, newErrors } from './revealed';

interface Checked {
  text: string;
  settings: DiagnosticSettings;
  diagnostics: Diagnostic[];
  offsetAt(position: Position): number;
}

function check(text: string, partial: Partial<DiagnosticSettings>): Checked {
  const settings = { ...DEFAULT_SETTINGS, ...partial };
  const document = TextDocument.create('file:///fuzz/policy.json', 'json', 1, text);
  const diagnostics = service.doValidation(document, service.parsePolicy(document), { settings, rulesDocumentation: RULES_DOC });
  return { text, settings, diagnostics, offsetAt: (p) => document.offsetAt(p) };
}

function options(c: Checked, only?: string[]) {
  return { settings: c.settings, rulesDocumentation: RULES_DOC, allDiagnostics: c.diagnostics, only };
}

/** Resolves an action on a text, as the editor does when the user picks it, and applies it. */
function apply(c: Checked, action: CodeAction): string {
  const document = TextDocument.create('file:///fuzz/policy.json', 'json', 2, c.text);
  const resolved = service.resolveCodeAction(document, service.parsePolicy(document), action, options(c));
  return TextDocument.applyEdits(document, resolved.edit?.changes?.[document.uri] ?? []);
}

/**
 * Every quick fix offered on a generated policy: applying it gives valid JSON, one fewer
 * diagnostic of its code, no new kind of error, and resolving the same action again on the
 * fixed text (as a light bulb picked after the fix would) changes nothing. Fix-all the same; and
 * a rule's fix-all fixes some of its findings.
 */
describe('quick fixes on generated policies', () => {
  const totals = { documents: 0, diagnostics: 0, fixes: 0, fixAll: 0 };
  after(() => console.log(`# quick fixes: ${totals.documents} documents, ${totals.diagnostics} diagnostics with fixes, ${totals.fixes} fixes applied, ${totals.fixAll} fix-all runs`));

  function fixesHold(text: string, partial: Partial<DiagnosticSettings>): void {
    if (parseErrors(text).length > 0) return;
    const before = check(text, partial);
    totals.documents++;
    const document = TextDocument.create('file:///fuzz/policy.json', 'json', 1, text);
    const model = service.parsePolicy(document);
    const ruleFixAlls = new Set<string>();
    for (const diagnostic of before.diagnostics) {
      const offered = service.getCodeActions(document, model, [diagnostic], options(before));
      // A rule's fix-all, offered where more than one of its findings has a fix, fixes some.
      const ruleFixAll = offered.find((a) => (a.data as { type?: string; code?: string } | undefined)?.type === 'fixAll');
      const ruleCode = String(diagnostic.code);
      if (ruleFixAll && !ruleFixAlls.has(ruleCode)) {
        ruleFixAlls.add(ruleCode);
        const fixed = check(apply(before, ruleFixAll), partial);
        assert.ok(count(fixed, ruleCode) < count(before, ruleCode), `"${ruleFixAll.title}" fixes some\n${text}\n->\n${fixed.text}`);
      }
      const fixes = offered.filter((a) => (a.data as { type?: string } | undefined)?.type === 'fix');
      if (fixes.length > 0) totals.diagnostics++;
      for (const action of fixes) {
        const code = String(diagnostic.code);
        const what = `"${action.title}" for ${code} at ${JSON.stringify(diagnostic.range.start)}\n${text}`;
        const fixed = check(apply(before, action), partial);
        totals.fixes++;
        assert.deepEqual(parseErrors(fixed.text), [], `valid JSON after ${what}\n->\n${fixed.text}`);
        assert.ok(count(fixed, code) < count(before, code), `the diagnostic is gone after ${what}\n->\n${fixed.text}`);
        assert.deepEqual(newErrors(before, fixed, code), [], `no new kind of error after ${what}\n->\n${fixed.text}`);
        // Unless a twin of the problem (same rule, place and facts) has moved into its place.
        const twin = fixed.diagnostics.some(
          (d) => d.code === code && fixed.offsetAt(d.range.start) === before.offsetAt(diagnostic.range.start) && JSON.stringify(d.data) === JSON.stringify(diagnostic.data),
        );
        if (!twin) assert.equal(apply(fixed, action), fixed.text, `resolving again changes nothing after ${what}`);
      }
    }
    const [fixAll] = service.getCodeActions(document, model, [], options(before, [FIX_ALL_KIND]));
    if (fixAll) {
      totals.fixAll++;
      const once = check(apply(before, fixAll), partial);
      assert.deepEqual(parseErrors(once.text), [], `valid JSON after fix-all\n${text}\n->\n${once.text}`);
      assert.equal(apply(once, fixAll), once.text, `fix-all again changes nothing\n${text}`);
    }
  }

  const policyText = fc.tuple(policyTree, layout).map(([tree, indent]) => render(tree, indent));

  it('hold on generated policies', () => {
    fc.assert(fc.property(policyText, settings, fixesHold), fuzzParameters(400, { includeErrorInReport: true }));
  });

  it('hold on real policies with strings replaced, statements cut and pasted', () => {
    fc.assert(fc.property(mutated(fc.constantFrom(...REAL_POLICIES)), settings, fixesHold), fuzzParameters(400, { includeErrorInReport: true }));
  });
});
