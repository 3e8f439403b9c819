import { after, describe, it } from 'node:test';
import fc from 'fast-check';
import { fractions, jsonTree, layout, mutated, oddString, policyTree, REAL_POLICIES, render, settings } from './arbitraries';
import { fuzzParameters } from './fuzzConfig';
import { offsetsIn, ServiceHarness } from './serviceHarness';

/**
 * Every service function, on documents no one meant to be policies and on policies broken in
 * every way an editor sees them, returns a well-formed result without throwing or hanging.
 */
describe('the language service on random documents', () => {
  const harness = new ServiceHarness();
  after(() => harness.close());

  /** Checks `documents` with random settings and positions, and reports how many it probed. */
  async function survives(documents: fc.Arbitrary<string>, base: number, report: (message: string) => void): Promise<void> {
    const before = harness.mark();
    await fc.assert(
      fc.asyncProperty(documents, fractions, settings, (text, f, s) => harness.check({ text, offsets: offsetsIn(text, f), settings: s, insert: f[0] })),
      fuzzParameters(base),
    );
    report(harness.summary(before));
  }

  const policyText = fc.tuple(policyTree, layout).map(([tree, indent]) => render(tree, indent));

  it('survives any JSON and any text', async (t) => {
    const anyJson = fc.oneof(fc.json(), fc.tuple(jsonTree, layout).map(([tree, indent]) => render(tree, indent)), oddString, fc.string({ unit: 'binary', maxLength: 300 }));
    await survives(anyJson, 300, (m) => t.diagnostic(m));
  });

  it('survives policy-shaped documents: wrong types, duplicate keys, statements as objects, arrays or anything', async (t) => {
    await survives(policyText, 400, (m) => t.diagnostic(m));
  });

  it('survives real policies cut, with characters inserted, deleted or duplicated, BOM and CRLF', async (t) => {
    await survives(mutated(fc.constantFrom(...REAL_POLICIES)), 500, (m) => t.diagnostic(m));
  });

  it('survives generated policies after the same mutations', async (t) => {
    await survives(mutated(policyText), 300, (m) => t.diagnostic(m));
  });
});
