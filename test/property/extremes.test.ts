import { after, describe, it } from 'node:test';
import fc from 'fast-check';
import { fraction, LONE_SURROGATES } from './arbitraries';
import { fuzzParameters } from './fuzzConfig';
import { offsetsIn, ServiceHarness } from './serviceHarness';

/** A policy with a hole for one element's value: the text before it and after it. */
const HOLES: Readonly<Record<string, [string, string]>> = {
  document: ['', ''],
  Statement: ['{"Version": "2012-10-17", "Statement": ', '}'],
  Action: ['{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ', ', "Resource": "*"}]}'],
  Resource: ['{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "kinesis:SubscribeToShard", "Resource": ', '}]}'],
  Principal: ['{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": ', '}, "Action": "kinesis:GetRecords", "Resource": "*"}]}'],
  Condition: ['{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "kinesis:GetRecords", "Resource": "*", "Condition": ', '}]}'],
};
const hole = fc.constantFrom(...Object.keys(HOLES));
const fill = (place: string, value: string, closed = true) => HOLES[place][0] + value + (closed ? HOLES[place][1] : '');

/** What a string in each place begins with, so that it reads as that element's kind of value. */
const PREFIXES: Readonly<Record<string, string[]>> = {
  Action: ['kinesis:', ''],
  Resource: ['arn:aws:kinesis:us-east-1:111122223333:stream/', 'arn:aws:kinesis:us-east-1:111122223333:stream/a/consumer/', 'arn:aws:dynamodb:us-east-1:111122223333:table/', ''],
  Principal: ['arn:aws:iam::111122223333:role/', ''],
};

/** What a huge string repeats: the separators each element's parser splits on, and any text. */
const UNITS: Readonly<Record<string, string[]>> = {
  Action: [':', '*a', '?', 'a'],
  Resource: [':', '/', 'a/consumer/', '/index/', '*a', '${aws:username}'],
  Principal: [':', '/', 'a'],
  Condition: ['{', ':', 'a'],
};
const ANY_UNITS = ['a', 'é', '😀', '\\"', '\\u0041', ' ', LONE_SURROGATES[0]];

/** An input too large to print, with a short description fast-check prints in its place. */
interface Extreme {
  text: string;
  /** Which statement to try inserting, as in `Probe`. */
  insert?: number;
  [fc.toStringMethod]: () => string;
}
function extremeInput(text: string, description: string, insert?: number): Extreme {
  return { text, insert, [fc.toStringMethod]: () => description };
}

/** Extreme inputs are slow to shrink and short to describe: stop at the first failure. */
const extreme = (base: number) => fuzzParameters<[Extreme]>(base, { endOnFailure: true });

/**
 * Inputs at the edges of what a parser or a regular expression copes with. Each must come back
 * without an exception and within the hang guard, like any other document.
 */
describe('the language service on extreme documents', () => {
  const harness = new ServiceHarness();
  after(() => harness.close());
  const check = ({ text, insert = 0.5 }: Extreme) => harness.check({ text, offsets: offsetsIn(text, [0.25, 0.5, 0.75]), insert });
  /** Runs `input` through the harness and reports what it did. */
  async function survives(input: fc.Arbitrary<Extreme>, base: number, report: (message: string) => void): Promise<void> {
    const before = harness.mark();
    await fc.assert(fc.asyncProperty(input, check), extreme(base));
    report(harness.summary(before));
  }

  it('survives nesting thousands of levels deep, closed or not', async (t) => {
    const opener = fc.constantFrom<[string, string]>(['[', ']'], ['{"a": ', '}'], ['{"Statement": ', '}'], ['[{"Action": ', '}]']);
    const nesting = fc
      .record({ depth: fc.integer({ min: 1_000, max: 20_000 }), brackets: opener, place: hole, closed: fc.boolean() })
      .map(({ depth, brackets: [open, close], place, closed }) =>
        extremeInput(
          fill(place, open.repeat(depth) + '"kinesis:PutRecord"' + (closed ? close.repeat(depth) : ''), closed),
          `${JSON.stringify(open)} nested ${depth} deep${closed ? '' : ', unclosed,'} in ${place}`,
        ),
      );
    await survives(nesting, 20, (m) => t.diagnostic(m));
  });

  it('survives strings of megabytes in every element, terminated or not', async (t) => {
    const huge = fc
      .constantFrom(...Object.keys(HOLES), 'key')
      .chain((place) =>
        fc.record({
          place: fc.constant(place),
          start: fc.constantFrom(...(PREFIXES[place] ?? [''])),
          unit: fc.oneof(fc.constantFrom(...(UNITS[place] ?? ['a'])), fc.constantFrom(...ANY_UNITS)),
          megabytes: fc.double({ min: 1, max: 2, noNaN: true }),
          closed: fc.boolean(),
        }),
      )
      .map(({ place, start, unit, megabytes, closed }) => {
        const repeats = Math.ceil((megabytes * 2 ** 20) / unit.length);
        const literal = `"${start}${unit.repeat(repeats)}${closed ? '"' : ''}`;
        const text = place === 'key' ? `{"Version": "2012-10-17", ${literal}: {}}` : fill(place, literal, closed);
        return extremeInput(text, `${JSON.stringify(start)} + ${JSON.stringify(unit)} × ${repeats}${closed ? '' : ', unterminated,'} in ${place}`);
      });
    await survives(huge, 24, (m) => t.diagnostic(m));
  });

  it('survives an unterminated string followed by thousands of JSON tokens, as while typing', async (t) => {
    // Code actions edit such a document by JSON path and reformat what follows the edit: the
    // tokens swallowed by the open string must not make that work grow faster than the text.
    const typing = fc
      .record({
        opened: fc.constantFrom('arn:aws:kinesis:us-east-1:111122223333:stream/orders', 'arn:aws:kinesis:us-east-1:111122223333:', 'orders'),
        unit: fc.constantFrom(':', ',', '[', '{', '1,', '"a":', '[]'),
        count: fc.integer({ min: 1_000, max: 40_000 }),
        insert: fraction,
      })
      .map(({ opened, unit, count, insert }) =>
        extremeInput(`${HOLES.Resource[0]}"${opened}${unit.repeat(count)}`, `"Resource": "${opened}" + ${JSON.stringify(unit)} × ${count}, unterminated`, insert),
      );
    await survives(typing, 20, (m) => t.diagnostic(m));
  });

  it('survives runs of IAM wildcards in actions and resources', async (t) => {
    const wildcards = fc
      .record({
        run: fc.constantFrom('*', '*?', '?*', '**a'),
        count: fc.integer({ min: 1, max: 40 }),
        tail: fc.constantFrom('X', 'Recordz', '', ':'),
        element: fc.constantFrom('Action', 'NotAction', 'Resource'),
      })
      .map(({ run, count, tail, element }) => {
        const pattern = run.repeat(count) + tail;
        const value = element === 'Resource' ? `arn:aws:kinesis:us-east-1:111122223333:stream/${pattern}` : `kinesis:${pattern}`;
        const action = element === 'NotAction' ? {} : { Action: 'kinesis:GetRecords' };
        const text = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', ...action, Resource: '*', [element]: value }] }, null, 2);
        return extremeInput(text, `${element}: ${JSON.stringify(value)}`);
      });
    await survives(wildcards, 40, (m) => t.diagnostic(m));
  });
});
