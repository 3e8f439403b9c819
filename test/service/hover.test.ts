import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { hover, hoverText } from '../support/service';

describe('hover', () => {
  it('describes an action: level, description, resources, link, data date', () => {
    const text = hoverText('{"Statement": {"Action": "kinesis:Get|Records"}}');
    assert.match(text, /^\*\*kinesis:GetRecords\*\* — Amazon Kinesis Data Streams/);
    assert.match(text, /Access level: \*\*Read\*\*/);
    assert.match(text, /Grants permission to get data records from a shard/);
    assert.match(text, /- `stream` \(required\): `arn:\$\{Partition\}:kinesis:\$\{Region\}:\$\{Account\}:stream\/\$\{StreamName\}`/);
    assert.match(text, /Condition keys: `aws:ResourceTag\/\$\{TagKey\}`/);
    assert.match(text, /\[Documentation\]\(https:\/\/docs\.aws\.amazon\.com\/kinesis\/latest\/APIReference\/API_GetRecords\.html\)/);
    assert.match(text, /<sub>IAM data of \d{4}-\d{2}-\d{2} \(@cloud-copilot\/iam-data [\d.]+\)<\/sub>$/);
  });

  it('matches action names case-insensitively and spans the string', () => {
    const result = hover('{"Statement": {"Action": ["KINESIS:putrecords|"]}}');
    assert.match(JSON.stringify(result?.contents), /kinesis:PutRecords/);
    assert.deepEqual(result?.range, { start: { line: 0, character: 26 }, end: { line: 0, character: 46 } });
  });

  it('links DynamoDB and CloudWatch actions to their API references, others to the authorization reference', () => {
    assert.match(hoverText('{"Statement": {"Action": "dynamodb:|GetItem"}}'), /amazondynamodb\/latest\/APIReference\/API_GetItem\.html/);
    assert.match(hoverText('{"Statement": {"Action": "cloudwatch:|PutMetricData"}}'), /AmazonCloudWatch\/latest\/APIReference\/API_PutMetricData\.html/);
    assert.match(hoverText('{"Statement": {"Action": "s3:|GetObject"}}'), /service-authorization\/latest\/reference\/list_amazons3\.html/);
  });

  it('says when an action takes no resource', () => {
    assert.match(hoverText('{"Statement": {"Action": "kinesis:|ListStreams"}}'), /takes no resource ARN: use `"Resource": "\*"`/);
  });

  it('counts and lists what a wildcard matches', () => {
    const text = hoverText('{"Statement": {"Action": "kinesis:Get|*"}}');
    assert.match(text, /`kinesis:Get\*` matches \*\*3\*\* actions \(3 Read\):/);
    assert.match(text, /- `kinesis:GetRecords` — Read/);
    assert.match(text, /- `kinesis:GetResourcePolicy` — Read/);
    assert.match(text, /- `kinesis:GetShardIterator` — Read/);
  });

  it('shortens long wildcard lists with a count', () => {
    const text = hoverText('{"Statement": {"Action": "kinesis:|*"}}');
    assert.match(text, /matches \*\*47\*\* actions/);
    assert.match(text, /- … and 22 more/);
    assert.match(hoverText('{"Statement": {"Action": "kinesis:Nothing|*"}}'), /matches no action/);
  });

  it('explains the parts of an ARN and its resource type', () => {
    const text = hoverText('{"Statement": {"Resource": "arn:aws:kinesis:us-east-2:123456789012:stream/data|streamABC/consumer/consumerDEF:1674696300"}}');
    assert.match(text, /\*\*ARN\*\* of a `consumer` \(Amazon Kinesis Data Streams\)/);
    assert.match(text, /\| Region \| `us-east-2` \|/);
    assert.match(text, /\| Account \| `123456789012` \|/);
    assert.match(text, /\| StreamName \| `datastreamABC` \|/);
    assert.match(text, /\| ConsumerName \| `consumerDEF` \|/);
    assert.match(text, /\| CreationTimestamp \| `1674696300` \|/);
  });

  it('reads an ARN with wildcards as a pattern: what it can match, and the names it fixes', () => {
    assert.match(hoverText('{"Statement": {"Resource": "arn:aws:kinesis:*:111122223333:stream/|*"}}'), /^\*\*ARN pattern\*\* of `consumer` or `stream` ARNs \(Amazon Kinesis Data Streams\)\n/);
    const consumers = hoverText('{"Statement": {"Resource": "arn:aws:kinesis:eu-west-1:111122223333:|stream/orders/consumer/*"}}');
    assert.match(consumers, /^\*\*ARN pattern\*\* of `consumer` ARNs \(Amazon Kinesis Data Streams\) with StreamName `orders`\n/);
    assert.match(consumers, /\| ConsumerName \| `\*` \(any\) \|/);
    assert.doesNotMatch(consumers, /`orders\/consumer/);
  });

  it('recognises DynamoDB tables', () => {
    assert.match(hoverText('{"Statement": {"Resource": ["arn:aws:dynamodb:us-west-2:111122223333:table/|App"]}}'), /of a `table` \(Amazon DynamoDB\)/);
  });

  it('describes condition operators and keys', () => {
    const operator = hoverText('{"Statement": {"Condition": {"ForAnyValue:String|LikeIfExists": {}}}}');
    assert.match(operator, /^`ForAnyValue:StringLikeIfExists` — condition operator \(String\)/);
    assert.match(operator, /True as well when the key is absent/);
    assert.match(operator, /`ForAnyValue:` True when at least one value/);
    const key = hoverText('{"Statement": {"Condition": {"StringEquals": {"aws:Principal|OrgID": "o-1"}}}}');
    assert.match(key, /^`aws:PrincipalOrgID` — global condition key \(String\)/);
    assert.match(key, /reference_policies_condition-keys\.html#condition-keys-principalorgid/);
    const service = hoverText('{"Statement": {"Condition": {"NumericLessThan": {"kinesis:FisInject|Percentage": "5"}}}}');
    assert.match(service, /Filters access by the percentage of calls being affected by an AWS FIS action/);
    assert.match(hoverText('{"Statement": {"Condition": {"StringEquals": {"aws:ResourceTag/te|am": "x"}}}}'), /^`aws:ResourceTag\/\$\{TagKey\}` — global condition key/);
  });

  it('explains "*" in Resource and Principal', () => {
    assert.match(hoverText('{"Statement": {"Resource": "|*"}}'), /every resource/);
    assert.match(hoverText('{"Statement": {"Principal": "|*"}}'), /Not allowed in Kinesis resource-based policies/);
  });

  it('gives nothing for unknown actions, free text and non-policies', () => {
    assert.equal(hover('{"Statement": {"Action": "kinesis:No|Such"}}'), null);
    assert.equal(hover('{"Statement": {"Sid": "kinesis:Get|Records"}}'), null);
    assert.equal(hover('{"name": "x", "Action": "kinesis:Get|Records"}'), null);
  });

  it("says of a condition key whether it is multivalued and which of the statement's actions support it", () => {
    const leading = hoverText('{"Statement": {"Action": ["dynamodb:GetItem", "kinesis:GetRecords"], "Condition": {"ForAllValues:StringEquals": {"dynamodb:Leading|Keys": "u"}}}}');
    assert.match(leading, /\(ArrayOfString\)/);
    assert.match(leading, /Multivalued/);
    assert.match(leading, /Supported by: `dynamodb:GetItem`\./);
    const none = hoverText('{"Statement": {"Action": "kinesis:GetRecords", "Condition": {"StringEquals": {"dynamodb:Leading|Keys": "u"}}}}');
    assert.match(none, /None of this statement's actions supports it/);
    const global = hoverText('{"Statement": {"Action": "kinesis:GetRecords", "Condition": {"StringEquals": {"aws:Source|Account": "1"}}}}');
    assert.match(global, /Single-valued/);
    assert.match(global, /Applies to every action/);
    const not = hoverText('{"Statement": {"Condition": {"StringNot|Equals": {}}}}');
    assert.match(not, /true when the request matches none of them\. A request without the key passes/);
  });

  it("says on a statement's Effect or Sid what it grants, wildcards expanded, to whom and when", () => {
    const text = JSON.stringify({
      Statement: [
        {
          Sid: 'ReadOrders',
          Effect: 'Allow',
          Principal: { AWS: 'arn:aws:iam::444455556666:role/reader' },
          Action: ['kinesis:Get*', 'kinesis:ListShards'],
          Resource: 'arn:aws:kinesis:us-east-1:111122223333:stream/orders',
          Condition: { Bool: { 'aws:SecureTransport': 'true' } },
        },
      ],
    });
    const onSid = hoverText(text.replace('"ReadOrders"', '"Read|Orders"'));
    assert.match(onSid, /^\*\*Allows\*\* \(`ReadOrders`\)/);
    assert.match(onSid, /\*\*Actions \(\d+\):\*\* .*`kinesis:GetRecords`.*`kinesis:ListShards`/);
    assert.match(onSid, /`kinesis:Get\*` expands to/);
    assert.match(onSid, /\*\*On:\*\* `arn:aws:kinesis:us-east-1:111122223333:stream\/orders`/);
    assert.match(onSid, /\*\*To:\*\* AWS `arn:aws:iam::444455556666:role\/reader`/);
    assert.match(onSid, /\*\*Only when:\*\*\n- `Bool` `aws:SecureTransport`: `true`/);
    const onEffect = hoverText(JSON.stringify({ Statement: [{ Effect: 'Deny', NotAction: 'kinesis:Describe*', NotResource: 'arn:aws:kinesis:us-east-1:111122223333:stream/orders' }] }).replace('"Deny"', '"De|ny"'));
    assert.match(onEffect, /^\*\*Denies\*\*/);
    assert.match(onEffect, /every action except `kinesis:DescribeAccountSettings`, .*`kinesis:DescribeStreamSummary` \(`kinesis:Describe\*`\)/);
    assert.match(onEffect, /every resource except `arn:aws:kinesis/);
  });
});
