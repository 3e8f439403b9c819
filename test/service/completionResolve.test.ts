import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type { CompletionItem, MarkupContent } from 'vscode-languageserver-types';
import { complete, itemNamed, service } from '../support/service';

const policy = (statement: string) => `{"Version": "2012-10-17", "Statement": [${statement}]}`;

/** Every kind of list completion offers, each at a cursor. */
const PLACES: Record<string, string> = {
  actions: policy('{"Action": "kinesis:|"}'),
  'policy keys': '{"Version": "2012-10-17", |}',
  'statement keys': policy('{|}'),
  effect: policy('{"Effect": "|"}'),
  version: '{"Version": "|", "Statement": []}',
  'condition operators': policy('{"Action": "kinesis:GetRecords", "Condition": {"|"}}'),
  'condition keys': policy('{"Action": "kinesis:GetRecords", "Condition": {"StringEquals": {"|"}}}'),
  'principal types': policy('{"Principal": {"|"}}'),
  'principal values': policy('{"Principal": |}'),
  'AWS principals': policy('{"Principal": {"AWS": "|"}}'),
  resources: policy('{"Action": "kinesis:PutRecord", "Resource": "|"}'),
  'resources without actions': policy('{"Resource": "|"}'),
};

/** The item as JSON carries it. */
const json = (item: CompletionItem) => JSON.parse(JSON.stringify(item)) as CompletionItem;
/** The item as the editor sends it back: its JSON, nothing else. */
const resolved = (item: CompletionItem) => service.resolveCompletionItem(json(item));
const markdown = (item: CompletionItem) => (item.documentation as MarkupContent | undefined)?.value;

describe('completion item documentation', () => {
  for (const [place, text] of Object.entries(PLACES)) {
    it(`comes on resolve for ${place}, and only then`, () => {
      const items = complete(text)?.items ?? [];
      assert.ok(items.length > 0, 'something is offered');
      for (const item of items) {
        assert.equal(item.documentation, undefined, item.label);
        const after = resolved(item);
        if (item.data === undefined) continue;
        assert.equal((after.documentation as MarkupContent).kind, 'markdown', item.label);
        assert.ok(markdown(after), item.label);
        assert.deepEqual(json({ ...after, documentation: undefined }), json(item), 'resolving changes nothing else');
      }
      assert.ok(items.some((i) => i.data !== undefined), 'some item is documented');
    });
  }

  it('keeps what each item says', () => {
    assert.equal(markdown(resolved(itemNamed(PLACES.effect, 'Deny'))), 'Refuses the actions, overriding any Allow.');
    assert.equal(markdown(resolved(itemNamed(PLACES['statement keys'], 'Effect'))), 'Whether the statement allows or denies access.');
    assert.equal(markdown(resolved(itemNamed(PLACES.actions, 'kinesis:*'))), 'Every Amazon Kinesis Data Streams action. Grant only what the workload needs where you can.');
    assert.equal(
      markdown(resolved(itemNamed(PLACES.actions, 'kinesis:PutRecord'))),
      `${service.catalog.action('kinesis:PutRecord')?.description}\n\n[Amazon Kinesis Data Streams reference](https://docs.aws.amazon.com/kinesis/latest/APIReference/API_PutRecord.html)`,
    );
    assert.match(markdown(resolved(itemNamed(PLACES['principal types'], 'Service'))) ?? '', /Not allowed in Kinesis Data Streams resource-based policies/);
  });

  it('leaves an item whose data it does not know as it is', () => {
    const item: CompletionItem = { label: 'x' };
    for (const data of [undefined, null, 42, 'kinesis:GetRecords', {}, { documentation: { action: 'nosuchservice:Do' } }, { documentation: { markdown: 7 } }]) {
      assert.deepEqual(service.resolveCompletionItem({ ...item, data }), { ...item, data });
    }
  });
});
