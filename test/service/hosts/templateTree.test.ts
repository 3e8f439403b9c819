import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { parseDocument } from 'yaml';
import { fromYaml, moveNode, untagged, type TemplateNode, type TemplateScalar } from '../../../server/src/service/hosts/cloudformation/templateTree';

const TEXT = `Plain: kinesis:GetRecords
Single: 'kinesis:PutRecord'
Double: "kinesis:ListShards"
Escaped: "tab\\there"
Doubled: 'it''s'
Sub: !Sub 'arn:aws:kinesis:\${AWS::Region}:111122223333:stream/orders'
Block: |
  text
`;

function scalars(node: TemplateNode | undefined, out: TemplateScalar[] = []): TemplateScalar[] {
  if (node?.type === 'map') for (const e of node.entries) scalars(e.value, out);
  else if (node?.type === 'seq') for (const item of node.items) scalars(item, out);
  else if (node) out.push(node);
  return out;
}

/** Each value scalar's characters, read at its `content`, or undefined where it has none. */
function contents(root: TemplateNode | undefined, text: string): (string | undefined)[] {
  return scalars(root).map((s) => s.content && text.slice(s.content.start, s.content.end));
}

describe('a YAML template as a tree', () => {
  const read = () => fromYaml(parseDocument(TEXT).contents, TEXT);

  it("knows where a scalar's characters are its value one for one: plain, and quoted without escapes", () => {
    assert.deepEqual(contents(read(), TEXT), ['kinesis:GetRecords', 'kinesis:PutRecord', 'kinesis:ListShards', undefined, undefined, 'arn:aws:kinesis:${AWS::Region}:111122223333:stream/orders', undefined]);
    // The tagged scalar starts at its tag; its argument is the same characters.
    const sub = scalars(read())[5];
    assert.equal(TEXT.slice(sub.start, sub.end), "!Sub 'arn:aws:kinesis:${AWS::Region}:111122223333:stream/orders'");
    const argument = untagged(sub) as TemplateScalar;
    assert.equal(argument.tag, undefined);
    assert.deepEqual(argument.content, sub.content);
  });

  it('moves every place with the text an edit before it inserts', () => {
    const moved = moveNode(read()!, 7);
    const text = `# 1234\n${TEXT}`;
    assert.deepEqual(contents(moved, text), contents(read(), TEXT));
    assert.deepEqual(
      scalars(moved).map((s) => text.slice(s.start, s.end)),
      scalars(read()).map((s) => TEXT.slice(s.start, s.end)),
    );
  });
});
