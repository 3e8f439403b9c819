import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { createLanguageService, DEFAULT_SETTINGS, type DiagnosticSettings } from '../../../server/src/service';
import { parsePolicy } from '../../../server/src/service/policy/parsePolicy';
import type { PolicyModel } from '../../../server/src/service/policy/policyModel';
import { updatePolicy } from '../../../server/src/service/policy/updatePolicy';
import { sharedCatalog } from '../../support/catalog';
import { RULES_DOC, service } from '../../support/service';

const policy = `{
  "Version": "2012-10-17",
  "Statement": [
    {"Sid": "one", "Effect": "Allow", "Action": "kinesis:GetRecrods", "Resource": "*"},
    {"Sid": "two", "Effect": "Allow", "Action": "kinesis:PutRecrod", "Resource": "*"},
    {"Sid": "three", "Effect": "Allow", "Action": "kinesis:ListShard", "Resource": "*"}
  ]
}`;

/** The text with `inserted` typed just after the first `find`. */
function typed(text: string, find: string, inserted: string): string {
  const at = text.indexOf(find) + find.length;
  return text.slice(0, at) + inserted + text.slice(at);
}

function validate(text: string, model: PolicyModel, settings: Partial<DiagnosticSettings> = {}): Diagnostic[] {
  const document = TextDocument.create('file:///test/policy.json', 'json', 1, text);
  return service.doValidation(document, model, { settings: { ...DEFAULT_SETTINGS, ...settings }, rulesDocumentation: RULES_DOC });
}

/** A policy validated, then edited inside one statement and validated again through the updated model. */
function editedInPlace(after: string, inserted: string, settings: Partial<DiagnosticSettings> = {}) {
  const model = parsePolicy(policy);
  const before = validate(policy, model);
  const text = typed(policy, after, inserted);
  const updated = updatePolicy(model, text);
  assert.ok(updated, 'the edit stays inside the second statement');
  const validated = validate(text, updated, settings);
  // Whatever was kept, the diagnostics are those of the new text parsed afresh.
  assert.deepEqual(validated, validate(text, parsePolicy(text), settings));
  return { before, after: validated };
}

describe('findings kept from one validation to the next', () => {
  it('keeps the diagnostics of the statements an edit did not touch', () => {
    const { before, after } = editedInPlace('"Sid": "two', 'x');
    const unknown = (list: Diagnostic[]) => list.filter((d) => d.code === 'iam/unknown-action');
    const [one, two, three] = unknown(before);
    const [oneAfter, twoAfter, threeAfter] = unknown(after);
    assert.equal(oneAfter, one, 'the statement before the edit: the same diagnostic');
    assert.equal(threeAfter, three, 'the statement after it starts on the same line and column: the same diagnostic');
    assert.notEqual(twoAfter, two, 'the edited statement is checked again');
    assert.equal(twoAfter.range.start.character, two.range.start.character + 1, 'the character typed is left of its action');
  });

  it('moves the diagnostics of the statements after an edit that adds a line', () => {
    const { before, after } = editedInPlace('"Sid": "two",', '\n');
    const unknown = (list: Diagnostic[]) => list.filter((d) => d.code === 'iam/unknown-action');
    const [one, , three] = unknown(before);
    const [oneAfter, , threeAfter] = unknown(after);
    assert.equal(oneAfter, one);
    assert.notEqual(threeAfter, three);
    assert.deepEqual(threeAfter.range, { start: { line: three.range.start.line + 1, character: three.range.start.character }, end: { line: three.range.end.line + 1, character: three.range.end.character } });
    assert.equal(threeAfter.message, three.message);
  });

  it('starts afresh when the settings change', () => {
    const { before, after } = editedInPlace('"Sid": "two', 'x', { rules: { 'iam/unknown-action': 'warning' } });
    const first = after.find((d) => d.code === 'iam/unknown-action');
    assert.notEqual(first, before.find((d) => d.code === 'iam/unknown-action'));
    assert.equal(first?.severity, 2);
  });

  it('are kept by each language service for itself, even over one catalog', () => {
    const document = TextDocument.create('file:///test/policy.json', 'json', 1, policy);
    const model = parsePolicy(policy);
    const run = (on: typeof service, settings: Partial<DiagnosticSettings>) =>
      on.doValidation(document, model, { settings: { ...DEFAULT_SETTINGS, ...settings }, rulesDocumentation: RULES_DOC });
    const other = createLanguageService({ catalog: sharedCatalog() });
    const first = run(service, {});
    // Another service checking the same model with other settings keeps its findings apart.
    assert.notDeepEqual(run(other, { rules: { 'iam/unknown-action': 'hint' } }), first);
    const again = run(service, {});
    assert.deepEqual(again, first);
    assert.ok(again.every((d, i) => d === first[i]), "the first service's diagnostics are its own, reused");
  });
});
