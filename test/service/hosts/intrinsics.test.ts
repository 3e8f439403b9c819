import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { MarkupContent } from 'vscode-languageserver-types';
import { service } from '../../support/service';
import { alarms, parsedTemplate, templateDocument } from '../../support/templates';

/** Every intrinsic form in the places a policy takes strings, in YAML's short and long forms. */
const INTRINSICS = readFileSync('test/fixtures/templates/every-intrinsic.yaml', 'utf8');

function readAs(text: string, marker: string): string {
  const document = templateDocument(text);
  const at = text.indexOf(marker);
  assert.ok(at >= 0, marker);
  const offset = at + 2;
  const hover = service.templateHover(document, document.positionAt(offset), parsedTemplate(document));
  const value = (hover?.contents as MarkupContent | undefined)?.value ?? '';
  return /^Read as `([^`]*)`/.exec(value)?.[1] ?? `no reading in: ${value}`;
}

describe('intrinsic functions in template policies', () => {
  it('give no false alarm in any form, in resources, principals and condition values', () => {
    assert.deepEqual(alarms(INTRINSICS), []);
  });

  it('stand for what the template says of the value, shown on hover', () => {
    const partitioned = 'arn:${AWS::Partition}:kinesis:${AWS::Region}:${AWS::AccountId}';
    assert.equal(readAs(INTRINSICS, '!GetAtt Orders.Arn\n                  - Fn'), `${partitioned}:stream/orders`);
    assert.equal(readAs(INTRINSICS, '[Unnamed, Arn]'), `${partitioned}:stream/\${Unnamed}`);
    assert.equal(readAs(INTRINSICS, "['arn:${AWS::Partition}:kinesis:${AWS::Region}:${AWS::AccountId}:stream/${Name}'"), `${partitioned}:stream/\${StreamName}`);
    assert.equal(readAs(INTRINSICS, "!Join ['', ['arn:'"), 'arn:${AWS::Partition}:kinesis:${AWS::Region}:${AWS::AccountId}:stream/orders');
    assert.equal(readAs(INTRINSICS, '!ImportValue shared'), '${unknown}');
    // An !If says what it chooses between.
    const document = templateDocument(INTRINSICS);
    const choice = service.templateHover(document, document.positionAt(INTRINSICS.indexOf('!If [Prod') + 1), parsedTemplate(document));
    assert.match((choice?.contents as MarkupContent | undefined)?.value ?? '', / The condition Prod chooses `arn:\$\{AWS::Partition\}:kinesis:\$\{AWS::Region\}:\$\{AWS::AccountId\}:stream\/orders` or `arn:\$\{AWS::Partition\}:kinesis:\$\{AWS::Region\}:\$\{AWS::AccountId\}:stream\/\$\{Unnamed\}`\.$/);
    assert.equal(readAs(INTRINSICS, '!GetAtt Fanout.ConsumerARN'), `${partitioned}:stream/orders/consumer/analytics:\${unknown}`);
    assert.equal(readAs(INTRINSICS, "!Sub '${Orders.Arn}/consumer/*'"), `${partitioned}:stream/orders/consumer/*`);
    assert.equal(readAs(INTRINSICS, '!GetAtt Leases.Arn'), 'arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/orders-app');
    assert.equal(readAs(INTRINSICS, '!GetAtt Reader.Arn\n              - Effect'), 'arn:${AWS::Partition}:iam::${AWS::AccountId}:role/${Reader}');
    assert.equal(readAs(INTRINSICS, "!Sub 'arn:${AWS::Partition}:iam::${PartnerAccount}:root'"), 'arn:${AWS::Partition}:iam::${PartnerAccount}:root');
  });

  it('keep the known parts deciding: a table ARN is no role to assume', () => {
    const text = INTRINSICS.replace('Resource: !GetAtt Reader.Arn', 'Resource: !GetAtt Leases.Arn');
    assert.deepEqual(
      alarms(text).map((a) => a.split(' ')[1]),
      ['iam/action-resource-mismatch'],
    );
  });
});
