import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseTree as jsoncParseTree, type Node, type ParseError } from 'jsonc-parser';
import { parseTree } from '../../server/src/service/policy/parseTree';
import { insertion, jsonTree, layout, mutated, oddString, policyTree, REAL_POLICIES, render } from '../property/arbitraries';
import { fuzzParameters } from '../property/fuzzConfig';

/** A node and everything under it as plain data, own fields included, checking parent links. */
function shape(node: Node, parent?: Node): unknown {
  assert.equal(node.parent, parent, `the parent of the ${node.type} at ${node.offset}`);
  const fields = Object.keys(node).sort();
  const { type, offset, length, colonOffset } = node;
  const value: unknown = node.value;
  return { fields, type, offset, length, colonOffset, value, children: node.children?.map((c) => shape(c, node)) };
}

function same(text: string, options = { allowTrailingComma: true }): void {
  const expectedErrors: ParseError[] = [];
  const expected = jsoncParseTree(text, expectedErrors, options);
  const errors: ParseError[] = [];
  const actual = parseTree(text, errors, options);
  assert.deepEqual(actual && shape(actual), expected && shape(expected), text);
  assert.deepEqual(errors, expectedErrors, text);
}

describe('the policy tree parser', () => {
  it('builds the tree jsonc-parser builds, broken JSON included', () => {
    for (const text of [
      '',
      '   ',
      '{}',
      '[]',
      '"a"',
      '{"a"}',
      '{"a": }',
      '{"a" 1, "b": 2}',
      '{"a": 1,}',
      '[1, 2,]',
      '{"a": [1, {"b": null}], "c": true, "d": -1.5e3}',
      '{"a": [1, 2',
      '{"a": {"b": ',
      '{"a": "unterminated\n, "b": 2}',
      '{"a": 1 /* comment */, // line\n "b": [/**/]}',
      '{"a": 1} trailing',
      '{{}}',
      '[}',
      '{"a": : 1}',
      '{"Statement": [{"Effect": "Allow", "Action": ["kinesis:Get\n], "Resource": ',
    ]) {
      same(text);
    }
    same('[1, 2,]', { allowTrailingComma: false });
  });

  it('builds the tree jsonc-parser builds for random and mutated documents', () => {
    const documents = fc.oneof(
      fc.json(),
      fc.tuple(jsonTree, layout).map(([tree, indent]) => render(tree, indent)),
      mutated(fc.constantFrom(...REAL_POLICIES)),
      mutated(fc.tuple(policyTree, layout).map(([tree, indent]) => render(tree, indent))),
      fc.array(fc.oneof(insertion, oddString), { maxLength: 40 }).map((parts) => parts.join('')),
    );
    fc.assert(
      fc.property(documents, (text) => same(text)),
      fuzzParameters(800),
    );
  });
});
