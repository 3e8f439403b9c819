import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { DEFAULT_SETTINGS, type DiagnosticSettings } from '../../../server/src/service';
import { rewrittenStatements } from '../../../server/src/service/codeActions/rewrittenStatements';
import { isFixAllCode } from '../../../server/src/service/codeActions/fixes';
import { changedStatementFindings, type ChangedFinding } from '../../../server/src/service/diagnostics/engine/changedStatements';
import { decidePolicyKind } from '../../../server/src/service/diagnostics/engine/policyKind';
import { createValidationMemory, onlyRules } from '../../../server/src/service/diagnostics/engine/validate';
import { parsePolicy } from '../../../server/src/service/policy/parsePolicy';
import { finish } from '../../../server/src/service/steps';
import { sharedCatalog } from '../../support/catalog';

/** The rules fix-all checks its own text with. */
const FIX_ALL_RULES = onlyRules(DEFAULT_SETTINGS, isFixAllCode);

const statement = (fields: Record<string, unknown>) => JSON.stringify({ Effect: 'Allow', Resource: '*', ...fields });
const policyOf = (statements: string[]) => `{"Version": "2012-10-17", "Statement": [\n${statements.join(',\n')}\n]}`;

/**
 * The policy's statement at `index` written anew, as fix-all rewrites one: what the whole check
 * would find there that it could not find before, or undefined where only the whole check can tell.
 */
function afterRewriting(statements: string[], index: number, rewritten: string, settings: DiagnosticSettings = FIX_ALL_RULES): ChangedFinding[] | undefined {
  const before = parsePolicy(policyOf(statements));
  const was = before.statements[index].node.offset;
  const text = policyOf(statements.map((s, i) => (i === index ? rewritten : s)));
  const changed = finish(rewrittenStatements(before, text, [{ was, start: was, end: was + rewritten.length }]));
  assert.ok(changed, 'the rewritten statement reads alone');
  const kind = decidePolicyKind(before, settings.policyKind);
  return finish(changedStatementFindings(before, kind, text, changed, sharedCatalog(), settings, createValidationMemory().statements));
}

describe('what a check of the whole policy finds in the statements a change rewrote', () => {
  const unchanged = statement({ Sid: 'Other', Action: 'kinesis:ListShards' });

  it('is what the statement rules find in them, placed where they are now', () => {
    const rewritten = statement({ Sid: 'Read', Action: ['kinesis:GetRecords', 'kinesis:GetRecords'] });
    const found = afterRewriting([unchanged, statement({ Sid: 'Read', Action: ['kinesis:GetRecords', 'kinesis:GetRecrds'] })], 1, rewritten);
    assert.deepEqual(
      found?.map((f) => f.code),
      ['iam/redundant-action'],
    );
    const text = policyOf([unchanged, rewritten]);
    const { offset, length } = found[0].finding;
    assert.equal(text.slice(offset, offset + length), '"kinesis:GetRecords"');
    assert.ok(offset > text.indexOf('"kinesis:GetRecords"'), 'on the second of the two');
    assert.equal(found[0].statement.after.index, 1);
  });

  it('is nothing where the rewritten statements have nothing to find', () => {
    const found = afterRewriting([unchanged, statement({ Sid: 'Read', Action: 'kinesis:GetRecrds' })], 1, statement({ Sid: 'Read', Action: 'kinesis:GetRecords' }));
    assert.deepEqual(found, []);
  });

  it('cannot be told where a rule over the whole policy says nothing of what it reads', () => {
    // Broad Kinesis access is judged over the statements together.
    const settings = onlyRules(DEFAULT_SETTINGS, (code) => isFixAllCode(code) || code === 'kinesis/broad-access');
    const found = afterRewriting([unchanged, statement({ Action: 'kinesis:GetRecrds' })], 1, statement({ Action: 'kinesis:GetRecords' }), settings);
    assert.equal(found, undefined);
    // Every rule on, the KCL and consumer rules among them.
    assert.equal(afterRewriting([unchanged, statement({ Action: 'kinesis:GetRecrds' })], 1, statement({ Action: 'kinesis:GetRecords' }), DEFAULT_SETTINGS), undefined);
  });

  it('cannot be told where a statement now reads differently to a rule over the whole policy', () => {
    // Duplicate Sids are judged across statements: a Sid rewritten is a change only the whole check sees.
    const found = afterRewriting([unchanged, statement({ Sid: 'Read', Action: 'kinesis:GetRecrds' })], 1, statement({ Sid: 'Other', Action: 'kinesis:GetRecords' }));
    assert.equal(found, undefined);
    const same = afterRewriting([unchanged, statement({ Sid: 'Read', Action: 'kinesis:GetRecrds' })], 1, statement({ Sid: 'Read', Action: 'kinesis:GetRecords' }));
    assert.deepEqual(same, []);
  });

  it('cannot be told where the change makes the policy another kind', () => {
    // The only principal goes: a resource policy becomes an identity policy, checked by other rules.
    const shared = statement({ Principal: { AWS: '111122223333' }, Action: 'kinesis:GetRecords', Resource: 'arn:aws:kinesis:us-east-1:444455556666:stream/orders' });
    const found = afterRewriting([shared], 0, statement({ Action: 'kinesis:GetRecords', Resource: 'arn:aws:kinesis:us-east-1:444455556666:stream/orders' }));
    assert.equal(found, undefined);
  });

  it('cannot be told where a statement rule also looks outside the statements', () => {
    const settings = onlyRules(DEFAULT_SETTINGS, (code) => code === 'iam/unknown-key');
    const found = afterRewriting([unchanged, statement({ Action: 'kinesis:GetRecrds' })], 1, statement({ Action: 'kinesis:GetRecords' }), settings);
    assert.equal(found, undefined);
  });

  it('is not read from a rewritten statement that does not read alone', () => {
    const before = parsePolicy(policyOf([unchanged, statement({ Action: 'kinesis:GetRecrds' })]));
    const was = before.statements[1].node.offset;
    const broken = '{"Effect": "Allow", "Action": ["kinesis:GetRecords" "kinesis:ListShards"]}';
    const text = policyOf([unchanged, broken]);
    assert.equal(finish(rewrittenStatements(before, text, [{ was, start: was, end: was + broken.length }])), undefined);
  });
});
