import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { caseText, missingDetails, POLICY_CASES, SEVERITY_NAMES } from '../support/policyCases';
import { diagnose } from '../support/service';

describe('the policy cases, through the language service', () => {
  for (const c of POLICY_CASES) {
    it(c.name, () => {
      const text = caseText(c);
      const diagnostics = diagnose(text, { ...(c.kclVersion ? { kclVersion: c.kclVersion } : {}), ...(c.policyKind ? { policyKind: c.policyKind } : {}) }).filter((d) =>
        c.codes.includes(String(d.code)),
      );
      const found = diagnostics.map((d) => `${String(d.code)}: ${text.split('\n')[d.range.start.line].slice(d.range.start.character, d.range.end.character)}`);
      assert.deepEqual(found.sort(), [...c.expect].sort());
      const details = diagnostics.map((d) => ({ code: String(d.code), severity: SEVERITY_NAMES[d.severity ?? 1], message: typeof d.message === 'string' ? d.message : d.message.value }));
      assert.deepEqual(missingDetails(c, details), []);
    });
  }
});
