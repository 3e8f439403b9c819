import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { EVALUATION_CASES } from '../../support/evaluationCases';
import { diagnose } from '../../support/service';

describe('what a policy grants: the cases, through the language service', () => {
  for (const c of EVALUATION_CASES) {
    it(c.name, () => {
      const text = JSON.stringify(c.policy, null, 2);
      const found = diagnose(text, c.kclVersion ? { kclVersion: c.kclVersion } : {})
        .filter((d) => c.codes.includes(String(d.code)))
        .map((d) => `${String(d.code)}: ${text.split('\n')[d.range.start.line].slice(d.range.start.character, d.range.end.character)}`);
      assert.deepEqual(found, c.expect);
    });
  }
});
