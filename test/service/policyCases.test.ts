import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { caseText, POLICY_CASES } from '../support/policyCases';
import { diagnose } from '../support/service';

describe('the policy cases, through the language service', () => {
  for (const c of POLICY_CASES) {
    it(c.name, () => {
      const text = caseText(c);
      const found = diagnose(text, { ...(c.kclVersion ? { kclVersion: c.kclVersion } : {}), ...(c.policyKind ? { policyKind: c.policyKind } : {}) })
        .filter((d) => c.codes.includes(String(d.code)))
        .map((d) => `${String(d.code)}: ${text.split('\n')[d.range.start.line].slice(d.range.start.character, d.range.end.character)}`);
      assert.deepEqual(found.sort(), [...c.expect].sort());
    });
  }
});
