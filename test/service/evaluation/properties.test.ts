import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { fuzzParameters } from '../../property/fuzzConfig';
import { compileStatement, statementApplies } from '../../../server/src/service/evaluation/statements';
import { parsePolicy } from '../../../server/src/service/policy/parsePolicy';
import { decide, evaluator, policyText } from './support';

const ACTIONS = ['kinesis:GetRecords', 'kinesis:GetShardIterator', 'kinesis:PutRecord', 'kinesis:ListShards', 'dynamodb:GetItem'];
const ACTION_PATTERNS = [...ACTIONS, 'kinesis:*', 'kinesis:Get*', 'KINESIS:getrecords', 'kinesis:Put?ecord', '*', 'dynamodb:*'];
const RESOURCES = [
  'arn:aws:kinesis:us-east-1:111122223333:stream/orders',
  'arn:aws:kinesis:us-east-1:111122223333:stream/Orders',
  'arn:aws:kinesis:us-east-1:111122223333:stream/payments',
  'arn:aws:dynamodb:us-east-1:111122223333:table/App',
];
const RESOURCE_PATTERNS = [...RESOURCES, '*', 'arn:aws:kinesis:*:*:stream/*', 'arn:aws:kinesis:us-east-1:111122223333:stream/o?ders', 'arn:aws:dynamodb:*:*:table/*'];

interface Statement {
  Effect: 'Allow' | 'Deny';
  Action?: string[];
  NotAction?: string[];
  Resource?: string[];
  NotResource?: string[];
}

const statement: fc.Arbitrary<Statement> = fc
  .record({
    effect: fc.constantFrom<'Allow' | 'Deny'>('Allow', 'Allow', 'Deny'),
    actions: fc.subarray(ACTION_PATTERNS, { minLength: 1, maxLength: 3 }),
    notAction: fc.boolean(),
    resources: fc.subarray(RESOURCE_PATTERNS, { minLength: 1, maxLength: 3 }),
    notResource: fc.boolean(),
  })
  .map(({ effect, actions, notAction, resources, notResource }) => ({
    Effect: effect,
    ...(notAction ? { NotAction: actions } : { Action: actions }),
    ...(notResource ? { NotResource: resources } : { Resource: resources }),
  }));

const request = fc.record({ action: fc.constantFrom(...ACTIONS), resource: fc.constantFrom(...RESOURCES) });

/** IAM's glob: `*` any run, `?` one character; with or without case. */
function glob(pattern: string, text: string, ignoreCase: boolean): boolean {
  const source = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${source}$`, ignoreCase ? 'is' : 's').test(text);
}

/** The evaluation logic written out plainly for concrete requests: the reference the core must agree with. */
function reference(statements: Statement[], action: string, resource: string): string {
  const applies = (s: Statement) => {
    const actionListed = (s.Action ?? s.NotAction ?? []).some((p) => glob(p, action, true));
    const resourceListed = (s.Resource ?? s.NotResource ?? []).some((p) => glob(p, resource, false));
    return actionListed === (s.Action !== undefined) && resourceListed === (s.Resource !== undefined);
  };
  if (statements.some((s) => s.Effect === 'Deny' && applies(s))) return 'explicitly-denied';
  return statements.some((s) => s.Effect === 'Allow' && applies(s)) ? 'allowed' : 'implicitly-denied';
}

const decisionOf = (statements: Statement[], r: { action: string; resource: string }) =>
  decide([policyText(...(statements as unknown as Record<string, unknown>[]))], [], r).decision;

describe('the evaluation core on random policies and requests', () => {
  it('agrees with the plainly written evaluation logic', () => {
    fc.assert(
      fc.property(fc.array(statement, { minLength: 1, maxLength: 6 }), request, (statements, r) => {
        assert.equal(decisionOf(statements, r), reference(statements, r.action, r.resource));
      }),
      fuzzParameters(600),
    );
  });

  it('lets a Deny that applies win, whatever else the policy allows', () => {
    fc.assert(
      fc.property(fc.array(statement, { maxLength: 6 }), request, (statements, r) => {
        const deny: Statement = { Effect: 'Deny', Action: [r.action], Resource: [r.resource] };
        assert.equal(decisionOf([...statements, deny], r), 'explicitly-denied');
      }),
      fuzzParameters(300),
    );
  });

  it('never turns an allowed request into a denied one when an Allow is added', () => {
    fc.assert(
      fc.property(fc.array(statement, { minLength: 1, maxLength: 6 }), statement, request, (statements, added, r) => {
        const allow = { ...added, Effect: 'Allow' as const };
        if (decisionOf(statements, r) === 'allowed') assert.equal(decisionOf([...statements, allow], r), 'allowed');
      }),
      fuzzParameters(300),
    );
  });

  it('reads NotAction as the complement of Action', () => {
    fc.assert(
      fc.property(fc.subarray(ACTION_PATTERNS, { minLength: 1, maxLength: 3 }), request, (actions, r) => {
        const listed = decisionOf([{ Effect: 'Allow', Action: actions, Resource: ['*'] }], r) === 'allowed';
        const complement = decisionOf([{ Effect: 'Allow', NotAction: actions, Resource: ['*'] }], r) === 'allowed';
        assert.notEqual(listed, complement);
      }),
      fuzzParameters(300),
    );
  });

  it('finds through its index every statement that applies, for resources and patterns alike', () => {
    const targets = [...RESOURCES, ...RESOURCE_PATTERNS, 'arn:aws:kinesis:us-east-1:111122223333:stream/o*', 'arn:aws:kinesis:us-east-1:111122223333:stream/${aws:username}'];
    fc.assert(
      fc.property(fc.array(statement, { minLength: 1, maxLength: 8 }), fc.constantFrom(...ACTIONS), fc.constantFrom(...targets), (statements, action, resource) => {
        const text = policyText(...(statements as unknown as Record<string, unknown>[]));
        const indexed = evaluator(text).matches(action, resource, undefined).map((m) => [m.statement.index, m.coverage]);
        const every = parsePolicy(text).statements.flatMap((st) => {
          const compiled = compileStatement(st);
          const coverage = compiled && statementApplies(compiled, { action, resource, literal: false, principal: undefined, checkPrincipal: false });
          return coverage && coverage !== 'none' ? [[st.index, coverage]] : [];
        });
        assert.deepEqual(indexed, every);
      }),
      fuzzParameters(400),
    );
  });
});
