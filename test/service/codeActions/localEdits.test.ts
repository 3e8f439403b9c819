import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { applyEdits, modify, type FormattingOptions } from 'jsonc-parser';
import { parsePolicy } from '../../../server/src/service/policy/parsePolicy';
import { appendAfter } from '../../../server/src/service/codeActions/localEdits';
import { formattingOf } from '../../../server/src/service/codeActions/transaction';
import { layout, policyTree, REAL_POLICIES, render } from '../../property/arbitraries';
import { fuzzParameters } from '../../property/fuzzConfig';

const STATEMENT = { Sid: 'Added', Effect: 'Allow', Action: ['kinesis:PutRecord', 'kinesis:PutRecords'], Resource: 'arn:aws:kinesis:us-east-1:111122223333:stream/orders' };

/** The text after appending a statement: as jsonc-parser's `modify` writes it, and as `appendAfter` does from the model. */
function bothWays(text: string, formatting: FormattingOptions = formattingOf(text)): { modified: string; appended: string } | undefined {
  const model = parsePolicy(text);
  // With a second `Statement` key the transaction leaves the edit to `modify` (which goes by the first).
  if (model.duplicateKeys) return undefined;
  const array = model.statementProperty?.children?.[1];
  const last = array?.type === 'array' ? array.children?.at(-1) : undefined;
  if (!last) return undefined;
  const modified = applyEdits(text, modify(text, ['Statement', -1], STATEMENT, { formattingOptions: formatting, isArrayInsertion: true }));
  return { modified, appended: applyEdits(text, appendAfter(text, last, STATEMENT, formatting)) };
}

describe('appending a statement without parsing the whole text', () => {
  it('writes what jsonc-parser writes, in every layout of the example policies', () => {
    let compared = 0;
    for (const policy of REAL_POLICIES) {
      const variants = [
        policy,
        policy.replace(/\n/g, '\r\n'),
        policy.replace(/^( {2})+/gm, (spaces) => '\t'.repeat(spaces.length / 2)),
        JSON.stringify(JSON.parse(policy.replace(/^\uFEFF/, ''))),
        policy.replace(/\}(\s*)\]/, '} /* the last one */$1]'),
        policy.replace(/\}(\s*)\]/, '},$1]'),
      ];
      for (const text of variants) {
        const result = bothWays(text);
        if (!result) continue;
        assert.equal(result.appended, result.modified, text);
        compared++;
      }
    }
    assert.ok(compared >= REAL_POLICIES.length * 5, `${compared} texts compared`);
  });

  it('writes what jsonc-parser writes for generated policies in any layout and indentation', () => {
    fc.assert(
      fc.property(policyTree, layout, fc.constantFrom(2, 4, 8), fc.boolean(), (tree, indent, tabSize, insertSpaces) => {
        const text = render(tree, indent);
        const result = bothWays(text, { tabSize, insertSpaces, eol: '\n' });
        if (result) assert.equal(result.appended, result.modified);
      }),
      fuzzParameters(300),
    );
  });
});
