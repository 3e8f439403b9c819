import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parsePolicy } from '../../server/src/service/policy/parsePolicy';
import { parsePolicySteps, STEPWISE_FROM } from '../../server/src/service/policy/parseSteps';
import type { PolicyModel } from '../../server/src/service/policy/policyModel';
import { layout, oddString, policyTree, REAL_POLICIES, render } from '../property/arbitraries';
import { fuzzParameters } from '../property/fuzzConfig';
import { snapshot } from '../support/policySnapshot';

/** Runs the steps to the end; how many pauses they made. */
function stepwise(text: string, from = 0): { model: PolicyModel; pauses: number } {
  const steps = parsePolicySteps(text, from);
  for (let pauses = 0; ; pauses++) {
    const step = steps.next();
    if (step.done) return { model: step.value, pauses };
  }
}

function sameAsWhole(text: string): void {
  assert.deepEqual(snapshot(stepwise(text).model), snapshot(parsePolicy(text)), text.length < 2000 ? text : `${text.length} characters`);
}

const statement = (i: number) => `    {\n      "Sid": "S${i}",\n      "Effect": "Allow",\n      "Principal": {"AWS": "arn:aws:iam::111122223333:role/r${i}"},\n      "Action": ["kinesis:GetRecords", "kinesis:ListShards"],\n      "Resource": "arn:aws:kinesis:us-east-1:111122223333:stream/s${i}"\n    }`;
const policyOf = (count: number, head = '') => `{\n  "Version": "2012-10-17",${head}\n  "Statement": [\n${Array.from({ length: count }, (_, i) => statement(i)).join(',\n')}\n  ]\n}\n`;

describe('parsing a large policy in steps', () => {
  it('gives the model a whole parse gives, pausing as it goes', () => {
    const text = policyOf(3000);
    assert.ok(text.length > STEPWISE_FROM);
    const { model, pauses } = stepwise(text, STEPWISE_FROM);
    assert.ok(pauses >= 5, `${pauses} pauses`);
    assert.equal(model.statements.length, 3000);
    assert.deepEqual(snapshot(model), snapshot(parsePolicy(text)));
  });

  it('reads strings, comments and brackets as JSON with comments does', () => {
    const tricky = [
      `{"Statement": [{"Sid": "a}b{c]["}, /* { [ */ {"Sid": "d\\"}"} // }\n, {"Action": "e"}]}`,
      `{"Statement": [{"Sid": "x"}], "Other": [{"Statement": [{"Sid": "inner"}]}], "Statement": [{"Sid": "again"}]}`,
      `{"Id": "Statement", "Statement": [[{"nested": 1}], {"Sid": "ok"}, "text", 5, {}]}`,
      `{"Statement": [{"Sid": "unterminated\n}, {"Sid": "b"}]}`,
      `{"Statement": [{"Sid": "a"}, {"Sid": "b"]}`,
      `{"Statement": [{"Sid": "a", "Condition": {"StringEquals": {"k": ["v", {"deep": [1, 2]}]}}}, {"Sid": "b",}, ]}`,
      `{"Statement": [{"Sid": "a"}}, {"Sid": "b"}]}`,
      `{"Statement": [{"Sid": "a" /* unclosed comment`,
      `[{"Statement": [{"Sid": "a"}]}]`,
      `{"Statement": {"Sid": "only"}}`,
      `{"Statement": [{"Sid": "a"} {"Sid": "b"}]}`,
      `{"Statement" [{"Sid": "a"}]}`,
    ];
    for (const text of tricky) sameAsWhole(text);
  });

  it('gives the whole parse on real policies and on any policy-shaped text', () => {
    for (const text of REAL_POLICIES) sameAsWhole(text);
    fc.assert(
      fc.property(policyTree, layout, (tree, indent) => sameAsWhole(render(tree, indent))),
      fuzzParameters(300),
    );
  });

  it('gives the whole parse on broken text: anything inserted or cut anywhere', () => {
    const base = policyOf(6, '\n  // a comment {\n  "Id": "x",');
    const junk = fc.oneof(fc.constantFrom('{', '}', '[', ']', '"', ',', ':', '/*', '*/', '//', '\\', '\n', '{"a": '), oddString);
    fc.assert(
      fc.property(fc.nat(base.length), fc.nat(40), junk, (at, cut, insert) => sameAsWhole(base.slice(0, at) + insert + base.slice(at + cut))),
      fuzzParameters(1000),
    );
  });
});
