import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { MapBuilder } from '../../../server/src/service/hosts/offsetMap';

/**
 * The JSON text `{"a": "x-y"}` written for a host text in which `x-y` stands as an intrinsic
 * (`!Sub x-${AWS::Region}`, host offsets 20-38): the braces and key are copied exactly, the value
 * is not.
 */
function sample() {
  const out = new MapBuilder();
  out.anchor(10, true);
  out.write('{"a": ');
  out.anchor(20, false);
  out.write('"x-y"');
  out.anchor(38, true);
  out.write('}');
  return out.finish();
}

describe('offset maps between a policy\'s JSON and its host', () => {
  it('write the text and map JSON offsets to host offsets, exactly where copied and to the ends where not', () => {
    const { text, map } = sample();
    assert.equal(text, '{"a": "x-y"}');
    assert.equal(map.toHost(0), 10);
    assert.equal(map.toHost(3), 13);
    // Inside the inexact value: its start, or for the end of a span its end.
    assert.equal(map.toHost(8), 20);
    assert.equal(map.toHost(8, 'end'), 38);
    assert.equal(map.toHost(11), 38);
    // Past the last anchor, exact: character for character.
    assert.equal(map.toHost(12), 39);
  });

  it('map host offsets back where the host text was copied, and to nothing inside what was rewritten', () => {
    const { map } = sample();
    assert.equal(map.toJson(10), 0);
    assert.equal(map.toJson(14), 4);
    assert.equal(map.toJson(20), 6, 'where the rewritten value starts');
    assert.equal(map.toJson(25), undefined);
    assert.equal(map.toJson(38), 11);
    assert.equal(map.toJson(39), 12);
    assert.equal(map.toJson(5), undefined, 'before the first anchor');
  });

  it('give the host span of a JSON span within one exact stretch, and none across a rewritten one', () => {
    const { map } = sample();
    assert.deepEqual(map.exactSpan(1, 4), { start: 11, end: 14 });
    assert.deepEqual(map.exactSpan(11, 12), { start: 38, end: 39 });
    assert.equal(map.exactSpan(4, 9), undefined);
  });

  it('keep the last of two anchors at one JSON offset, and move with the node the text was written from', () => {
    const out = new MapBuilder();
    out.anchor(100, false);
    out.anchor(5_000_000, true);
    out.write('{}');
    const { map } = out.finish();
    assert.equal(map.toHost(1), 5_000_001);
    const node = { start: 4_999_990 };
    map.follow(node);
    node.start += 7;
    assert.equal(map.toHost(1), 5_000_008);
    assert.equal(map.toJson(5_000_008), 1);
  });
});
