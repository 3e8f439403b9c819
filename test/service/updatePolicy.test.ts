import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { modelSize, textSize, type StatementSizes } from '../../server/src/service/diagnostics/helpers/size';
import { parsePolicy } from '../../server/src/service/policy/parsePolicy';
import { updatePolicy, updateStatements } from '../../server/src/service/policy/updatePolicy';
import { insertion, layout, policyTree, REAL_POLICIES, render } from '../property/arbitraries';
import { fuzzParameters } from '../property/fuzzConfig';
import { DEFAULT_SETTINGS, PieceDocument } from '../../server/src/service';
import { RULES_DOC, service } from '../support/service';
import { plain, snapshot } from '../support/policySnapshot';

const splice = (text: string, at: number, remove: number, insert: string) => text.slice(0, at) + insert + text.slice(at + remove);

describe('updating a policy model after an edit', () => {
  const policy = `{
  "Version": "2012-10-17",
  "Statement": [
    {"Sid": "one", "Effect": "Allow", "Action": ["kinesis:GetRecords"], "Resource": "*"},
    {"Sid": "two", "Effect": "Allow", "Action": "kinesis:Put", "Resource": "arn:aws:kinesis:us-east-1:111122223333:stream/a"},
    {"Sid": "three", "Effect": "Deny", "NotAction": "kinesis:Delete*", "NotResource": "*"}
  ],
  "Id": "after"
}`;

  it('parses only the edited statement and moves what follows', () => {
    const previous = parsePolicy(policy);
    const last = previous.statements[2];
    const at = policy.indexOf('kinesis:Put') + 'kinesis:Put'.length;
    const text = splice(policy, at, 0, 'Record');
    const updated = updatePolicy(previous, text);
    assert.ok(updated, 'an edit inside one string is local');
    assert.deepEqual(snapshot(updated), snapshot(parsePolicy(text)));
    assert.equal(updated.statements[2], last, 'the statements after the edit are kept, moved');
    const id = updated.id;
    assert.ok(id);
    assert.equal(id.value, 'after');
    assert.equal(text.slice(id.contentOffset, id.contentOffset + id.contentLength), 'after');
  });

  it('takes over the previous model, which reads as no policy afterwards', () => {
    const previous = parsePolicy(policy);
    const updated = updatePolicy(previous, splice(policy, policy.indexOf('"one"') + 1, 0, 'x'));
    assert.ok(updated);
    assert.equal(previous.isPolicy, false);
    assert.equal(previous.root, undefined);
    assert.deepEqual(previous.statements, []);
  });

  it('updates a statement whose brackets an edit unbalanced, when its brace still closes it', () => {
    const text = splice(policy, policy.indexOf('"Action": ["kinesis:GetRecords"]') + 10, 1, '');
    const updated = updatePolicy(parsePolicy(policy), text);
    assert.ok(updated);
    assert.ok(updated.syntaxErrors.length > 0);
    assert.deepEqual(snapshot(updated), snapshot(parsePolicy(text)));
  });

  it('keeps syntax errors inside the statement, before and after it, in order', () => {
    const broken = splice(policy, policy.indexOf('"Sid": "one"'), 0, '"Oops" ');
    const previous = parsePolicy(splice(broken, broken.indexOf('"Id"'), 0, '"x": , '));
    const text = splice(previous.text, previous.text.indexOf('"Sid": "two"'), 0, '"Effect": ');
    const updated = updatePolicy(previous, text);
    assert.ok(updated);
    const full = parsePolicy(text);
    assert.ok(full.syntaxErrors.length >= 3);
    assert.deepEqual(snapshot(updated), snapshot(full));
  });

  it('leaves the previous model alone when the edit is not inside one statement', () => {
    const previous = parsePolicy(policy);
    const cases = [
      splice(policy, policy.indexOf('2012'), 4, '2008'), // outside the statements
      splice(policy, policy.indexOf('{"Sid": "two"'), 1, ''), // a statement's brace
      splice(policy, policy.indexOf('"Resource": "*"},') + 15, 2, ''), // across two statements
      splice(policy, policy.indexOf('"Resource": "*"},') + 12, 0, '['), // the statement's brace no longer closes it
      splice(policy, policy.indexOf('"two"'), 0, '"'), // a string that runs to the end of the line
    ];
    for (const text of cases) {
      assert.equal(updatePolicy(previous, text), undefined, text);
      assert.equal(previous.isPolicy, true);
    }
    assert.equal(updatePolicy(previous, policy), previous, 'the same text: the same model');
  });

  it('updates a single statement object and a statement closed at the end of the text', () => {
    const single = '{"Statement": {"Effect": "Allow", "Action": "kinesis:Get"}}';
    const text = splice(single, single.indexOf(':Get') + 4, 0, 'Records');
    assert.deepEqual(snapshot(updatePolicy(parsePolicy(single), text)!), snapshot(parsePolicy(text)));
    const open = '{"Statement": [{"Action": "kinesis:Get"}';
    assert.equal(updatePolicy(parsePolicy(open), splice(open, open.length - 3, 0, 'x')), undefined, 'nothing after the statement closes it');
  });

  it('keeps the depth limit: a statement nested past it is left to the full parse, which gives up', () => {
    const at = policy.indexOf('"Resource": "*"}');
    // The statement lies in the policy object and the Statement array: 997 arrays in it reach 1,000 levels.
    const nested = (levels: number) => splice(policy, at, 0, `"Condition": ${'['.repeat(levels)}${']'.repeat(levels)}, `);
    const deepest = updatePolicy(parsePolicy(policy), nested(997));
    assert.ok(deepest);
    const full = parsePolicy(nested(997));
    // Too deep to compare whole: the statements and the tree's extent.
    assert.deepEqual(plain(deepest.statements), plain(full.statements));
    assert.deepEqual([deepest.isPolicy, deepest.root?.length, deepest.syntaxErrors], [true, full.root?.length, full.syntaxErrors]);
    assert.equal(updatePolicy(parsePolicy(policy), nested(998)), undefined);
    const tooDeep = parsePolicy(nested(998));
    assert.equal(tooDeep.isPolicy, false, 'too deep for the parser');
    assert.equal(tooDeep.root, undefined);
  });

  /** A random editing session: typing, deleting and pasting at random places of a policy. */
  const place = fc.noBias(fc.integer({ min: 0, max: 10_000 })).map((n) => n / 10_000);
  const edit = fc.record({
    at: place,
    remove: fc.oneof({ weight: 6, arbitrary: fc.nat(3) }, { weight: 1, arbitrary: fc.nat(60) }),
    text: fc.oneof({ weight: 3, arbitrary: fc.constantFrom('a', 'G', 'kinesis:', ':', '*', ' ', 'x', '\n', '//', '/*', '${AWS::Region}') }, { weight: 2, arbitrary: insertion }),
    read: fc.constantFrom('nothing', 'statements', 'one'),
    probe: place,
  });
  const start = fc.oneof(fc.constantFrom(...REAL_POLICIES), fc.tuple(policyTree, layout).map(([t, indent]) => render(t, indent)));

  it('updates several statements at once as a full parse reads the result, and leaves the rest of the tree in place', () => {
    let tried = 0;
    let updatedInPlace = 0;
    fc.assert(
      fc.property(start, fc.array(fc.record({ statement: place, at: place, remove: fc.nat(3), text: fc.constantFrom('a', 'G', 'kinesis:', ' ', 'x', '"', '{', '}') }), { minLength: 1, maxLength: 6 }), (initial, picks) => {
        const previous = parsePolicy(initial);
        const items = previous.statementProperty?.children?.[1]?.type === 'array' ? (previous.statementProperty.children[1].children ?? []) : [];
        if (items.length === 0) return;
        // One edit inside each of some statements, made from the last to the first.
        const chosen = new Map<number, { at: number; remove: number; text: string }>();
        for (const pick of picks) chosen.set(Math.floor(pick.statement * items.length), pick);
        let text = initial;
        const changes: { start: number; end: number; delta: number }[] = [];
        for (const index of [...chosen.keys()].sort((a, b) => b - a)) {
          const node = items[index];
          const pick = chosen.get(index)!;
          if (node.length < 3) continue;
          const at = node.offset + 1 + Math.floor(pick.at * (node.length - 2));
          const remove = Math.min(pick.remove, node.offset + node.length - 1 - at);
          text = splice(text, at, remove, pick.text);
          changes.unshift({ start: node.offset, end: node.offset + node.length, delta: pick.text.length - remove });
        }
        const kept = items.map((_, i) => (changes.some((c) => c.start === items[i].offset) ? undefined : previous.statementAt(i)));
        if (changes.length === 0) return;
        tried++;
        const updated = updateStatements(previous, text, changes);
        if (!updated) return;
        updatedInPlace++;
        assert.deepEqual(snapshot(updated), snapshot(parsePolicy(text)));
        kept.forEach((statement, i) => statement && assert.equal(updated.statementAt(i), statement, `statement ${i} is kept`));
      }),
      fuzzParameters(300),
    );
    assert.ok(updatedInPlace > tried / 3, `only ${updatedInPlace} of ${tried} multi-statement edits were updated in place`);
  });


  it('measures a policy statement by statement as it measures its whole text, items between statements included', () => {
    const text = `{"Statement": [ {"Sid": "a b"} , "not a statement, é" ,\t{"Sid": "c"}, 12, {"Sid": "d\\\\"} ], "Id": "x y"}`;
    const model = parsePolicy(text);
    assert.deepEqual([model.statements.length, model.syntaxErrors.length], [3, 0]);
    assert.deepEqual(modelSize(model, new WeakMap()), textSize(text));
    assert.deepEqual(textSize(text), { characters: 90, bytes: 91 });
  });

  it('gives the model, completion, hover and diagnostics of a full parse after every edit of random sessions', (t) => {
    let local = 0;
    let edits = 0;
    let diagnostics = 0;
    let kept = 0;
    fc.assert(
      // Half the sessions edit a document as the server holds it, in pieces (short ones, to reach their edges).
      fc.property(start, fc.array(edit, { minLength: 1, maxLength: 30 }), fc.option(fc.integer({ min: 1, max: 64 })), (initial, session, pieceLength) => {
        const pieces = pieceLength === null ? undefined : new PieceDocument('file:///p.json', 'json', 1, initial, pieceLength);
        let model = pieces ? service.parsePolicy(pieces) : parsePolicy(initial);
        let previous = new Set<Diagnostic>();
        const sizes: StatementSizes = new WeakMap();
        for (const { at, remove, text: typed, read, probe } of session) {
          // What the features read before the edit is kept by the update: exercise both.
          if (read === 'statements') void model.statements;
          if (read === 'one') model.statementAt(Math.floor(probe * 4));
          const before = model.source;
          // An editor's range cannot end inside a `\r\n`: the offsets as positions read them.
          const range = pieces && { start: pieces.positionAt(Math.floor(at * before.length)), end: pieces.positionAt(Math.floor(at * before.length) + remove) };
          const offset = range ? pieces.offsetAt(range.start) : Math.floor(at * before.length);
          const text = splice(before.toString(), offset, range ? pieces.offsetAt(range.end) - offset : remove, typed);
          if (range) pieces.update([{ range, text: typed }], pieces.version + 1);
          const updated = pieces ? service.updatePolicy(model, pieces) : updatePolicy(model, text);
          if (pieces) {
            assert.ok(!pieces.text.isFlat || pieces.text.pieces.length === 1, 'the pieces are not made whole by the update');
            assert.equal(pieces.text.slice(0), text);
          }
          const full = parsePolicy(text);
          edits++;
          if (updated && updated !== model) local++;
          model = updated ?? (pieces ? service.parsePolicy(pieces) : parsePolicy(text));
          assert.deepEqual(snapshot(model), snapshot(full));
          assert.deepEqual(modelSize(model, sizes), textSize(text), 'the size, its statements measured when they were made');
          const document = TextDocument.create('file:///p.json', 'json', 1, text);
          for (const p of [offset, offset + typed.length, Math.floor(probe * text.length)]) {
            const position = document.positionAt(Math.min(p, text.length));
            assert.deepEqual(service.doComplete(document, position, model), service.doComplete(document, position, full));
            assert.deepEqual(service.doHover(document, position, model), service.doHover(document, position, full));
          }
          // The statements' findings are kept from the previous validation of the model; now and then the settings change.
          const options = { settings: { ...DEFAULT_SETTINGS, policyKind: probe < 0.05 ? ('resource' as const) : ('auto' as const) }, rulesDocumentation: RULES_DOC };
          const found = service.doValidation(document, model, options);
          assert.deepEqual(found, service.doValidation(document, full, options));
          diagnostics += found.length;
          kept += found.filter((d) => previous.has(d)).length;
          previous = new Set(found);
        }
      }),
      fuzzParameters(200),
    );
    // The sessions must exercise the update, not only the fallback to a full parse, and the kept findings.
    assert.ok(local > edits / 4, `only ${local} of ${edits} edits were updated in place`);
    assert.ok(kept > diagnostics / 20, `only ${kept} of ${diagnostics} diagnostics were kept from the validation before`);
    t.diagnostic(`${edits} edits, ${local} of them updated in place; ${diagnostics} diagnostics, ${kept} of them kept from the validation before`);
  });
});
