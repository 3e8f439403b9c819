import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DEFAULT_SETTINGS } from '../../../server/src/service';
import { actionsFor, fix, parseErrors, policy, share, STREAM } from '../../support/codeActions';
import { codes, diagnose, RULES_DOC, service } from '../../support/service';

describe('fix all', () => {
  it('fix all of a rule: the findings with a fix, after one without in the same statement; offered only for two or more of those', () => {
    const text = policy({ Effect: 'Allow', Action: [], Resource: ['', STREAM, ''] });
    const all = fix(text, 'Fix all iam/empty-value problems in the file');
    assert.deepEqual((JSON.parse(all) as { Statement: { Action: string[]; Resource: string[] }[] }).Statement[0], { Effect: 'Allow', Action: [], Resource: [STREAM] });
    const one = policy({ Effect: 'Allow', Action: [], Resource: ['', STREAM] });
    assert.equal(diagnose(one).filter((d) => d.code === 'iam/empty-value').length, 2);
    assert.ok(!actionsFor(one).some((a) => a.title === 'Fix all iam/empty-value problems in the file'), 'one finding with a fix: its own fix is enough');
  });

  it('fix all: every statement’s problems, after findings whose fix changes nothing', () => {
    // The first statements' findings have no fix to make (an action nothing is like); every other
    // statement has a misspelt action and a lowercase Effect, each fixed by fix-all.
    const hopeless = Array.from({ length: 5 }, () => ({ Effect: 'Allow', Action: 'kinesis:Zzzzzzzzzzzz', Resource: STREAM }));
    const fixable = Array.from({ length: 60 }, (_, i) => ({ Sid: `S${i}`, Effect: 'allow', Action: ['kinesis:PutRecrods', 'kinesis:DescribeStreamSumary'], Resource: STREAM }));
    const text = policy(...hopeless, ...fixable);
    const all = fix(text, 'Fix all Kinesis Policy problems', {}, ['source.fixAll']);
    const statements = (JSON.parse(all) as { Statement: { Effect: string; Action: string | string[] }[] }).Statement;
    assert.deepEqual(statements.slice(0, 5).map((st) => st.Action), Array(5).fill('kinesis:Zzzzzzzzzzzz'));
    for (const statement of statements.slice(5)) {
      assert.deepEqual([statement.Effect, statement.Action], ['Allow', ['kinesis:PutRecords', 'kinesis:DescribeStreamSummary']]);
    }
    assert.deepEqual(parseErrors(all), []);
  });

  it('fix all: the actions a resource policy cannot grant leave each statement together, as removing them one by one would', () => {
    const mixed = share({ Sid: 'Mixed', Action: ['dynamodb:GetItem', 'kinesis:GetRecords', 's3:GetObject', 'kinesis:ListShards', 'sqs:SendMessage'] });
    // Nothing the policy can grant: removing them one at a time stops at the last, which needs another fix.
    const hopeless = share({ Sid: 'Hopeless', Action: ['dynamodb:GetItem', 's3:GetObject', 'sqs:SendMessage'] });
    const alone = share({ Sid: 'Alone', Action: 'dynamodb:PutItem' });
    const text = policy(mixed, hopeless, alone);
    const all = fix(text, 'Fix all resource-policy/unsupported-action problems in the file');
    const actions = (JSON.parse(all) as { Statement: { Action: string | string[] }[] }).Statement.map((s) => s.Action);
    assert.deepEqual(actions, [['kinesis:GetRecords', 'kinesis:ListShards'], ['sqs:SendMessage'], 'dynamodb:PutItem']);
    // One at a time, through the quick fix, ends where fix-all does.
    let oneByOne = text;
    for (let title = ''; ; ) {
      const next = actionsFor(oneByOne).find((a) => a.kind === 'quickfix' && /^Remove [a-z0-9]+:/.test(a.title));
      if (!next) break;
      assert.notEqual(next.title, title, 'each removal makes progress');
      title = next.title;
      oneByOne = fix(oneByOne, title);
    }
    assert.equal(all, oneByOne);
  });

  it('fix all: statements of the same text, one left as the first round found it, each fixed in its place', () => {
    // A string item before them: a statement's place in the list is not its place among the statements.
    const text = '{\n  "Statement": [\n    "kinesis:PutRecord",\n    {},\n    {}\n  ]\n}';
    const all = fix(text, 'Fix all Kinesis Policy problems', {}, ['source.fixAll']);
    assert.deepEqual((JSON.parse(all) as { Statement: unknown[] }).Statement, ['kinesis:PutRecord', { Effect: 'Allow' }, { Effect: 'Allow' }]);
  });

  it('fix all: a round whose fixes change nothing still leaves the next to the statement’s other findings', () => {
    // The unsupported action comes first and cannot be removed (it is the only one); the Effect after it can be fixed.
    const text = `{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Sid": "Share", "Action": "kinesis:DeleteStream", "Effect": "allow", "Principal": {"AWS": "444455556666"}, "Resource": "${STREAM}"}\n  ]\n}`;
    assert.deepEqual(codes(text), ['resource-policy/unsupported-action', 'iam/invalid-effect']);
    const all = fix(text, 'Fix all Kinesis Policy problems', {}, ['source.fixAll']);
    assert.equal(all, text.replace('"allow"', '"Allow"'));
  });

  it('fix all: a fix that leaves its statement something new to fix is followed by another round', () => {
    // The misspelt action, corrected, repeats the one before it: the repeat is removed next.
    const read = { Sid: 'Read', Effect: 'Allow', Action: ['kinesis:GetRecords', 'kinesis:GetRecrds'], Resource: STREAM };
    const list = { Sid: 'List', Effect: 'Allow', Action: 'kinesis:ListShrads', Resource: STREAM };
    const text = policy(read, list);
    assert.deepEqual(codes(text).filter((c) => c.startsWith('iam/')), ['iam/unknown-action', 'iam/unknown-action']);
    const all = fix(text, 'Fix all Kinesis Policy problems', {}, ['source.fixAll']);
    const statements = (JSON.parse(all) as { Statement: { Action: string | string[] }[] }).Statement;
    assert.deepEqual(statements.map((st) => st.Action), [['kinesis:GetRecords'], 'kinesis:ListShards']);
  });

  it('fix all: a statement a fix makes read as another read before is fixed in turn', () => {
    // The first statement's repeat is removed; the second's misspelt action, corrected, makes it read
    // as the first did, repeat and all: that repeat is removed too.
    const repeated = { Effect: 'Allow', Action: ['kinesis:GetRecords', 'kinesis:GetRecords'], Resource: STREAM };
    const misspelt = { Effect: 'Allow', Action: ['kinesis:GetRecords', 'kinesis:GetRecrds'], Resource: STREAM };
    const all = fix(policy(repeated, misspelt), 'Fix all Kinesis Policy problems', {}, ['source.fixAll']);
    const statements = (JSON.parse(all) as { Statement: { Action: string | string[] }[] }).Statement;
    assert.deepEqual(statements.map((st) => st.Action), [['kinesis:GetRecords'], ['kinesis:GetRecords']]);
  });

  it("fix all: reads the document's model and leaves it as it was", () => {
    const text = policy(...Array.from({ length: 30 }, (_, i) => share({ Sid: `S${i}`, Action: ['kinesis:GetRecords', 'dynamodb:GetItem', 's3:GetObject'] })));
    const document = TextDocument.create('file:///test/policy.json', 'json', 1, text);
    const model = service.parsePolicy(document);
    const options = { settings: DEFAULT_SETTINGS, rulesDocumentation: RULES_DOC };
    const before = service.doValidation(document, model, options);
    const [all] = service.getCodeActions(document, model, before, { ...options, only: ['source.fixAll'] });
    const resolved = service.resolveCodeAction(document, model, all, options);
    const fixedText = TextDocument.applyEdits(document, resolved.edit?.changes?.[document.uri] ?? []);
    assert.equal((fixedText.match(/dynamodb:GetItem|s3:GetObject/g) ?? []).length, 0, 'every unsupported action is removed');
    // The same model answers as before: its text, its tree and its findings.
    assert.equal(model.text, text);
    assert.equal(model.statements.length, 30);
    assert.deepEqual(service.doValidation(document, model, options), before);
    assert.deepEqual(service.doValidation(document, service.parsePolicy(document), options), before);
  });
});
