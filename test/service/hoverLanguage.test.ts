import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import { useLanguage } from '../../server/src/service/l10n';
import { hoverText } from '../support/service';

/** The few messages these hovers need, as the Chinese bundle has them. */
const BUNDLE = {
  'Documentation': '文档',
  'Access level: **{0}**': '访问级别：**{0}**',
  '{0} — global condition key ({1})': '{0} — 全局条件键（{1}）',
  'Global condition keys': '全局条件键',
  '{0} — condition operator ({1})': '{0} — 条件运算符（{1}）',
  'Condition operators': '条件运算符',
  '**Allows**': '**允许**',
};

describe('hover in Chinese', () => {
  before(() => useLanguage('zh-cn', BUNDLE));
  after(() => useLanguage('en'));

  it("speaks the display language and links to the AWS documentation's Chinese edition", () => {
    const text = hoverText('{"Statement": {"Action": "kinesis:Get|Records"}}');
    assert.match(text, /访问级别：\*\*Read\*\*/);
    assert.match(text, /\[文档\]\(https:\/\/docs\.aws\.amazon\.com\/zh_cn\/kinesis\/latest\/APIReference\/API_GetRecords\.html\)/);
    // The IAM data's own text is not translated.
    assert.match(text, /Grants permission to get data records from a shard/);
  });

  it('links the authorization reference, condition keys and operators to their Chinese pages', () => {
    assert.match(hoverText('{"Statement": {"Action": "s3:|GetObject"}}'), /\(https:\/\/docs\.aws\.amazon\.com\/zh_cn\/service-authorization\/latest\/reference\/list_amazons3\.html\)/);
    const key = hoverText('{"Statement": {"Action": "kinesis:GetRecords", "Resource": "*", "Condition": {"Bool": {"aws:Secure|Transport": "true"}}}}');
    assert.match(key, /^`aws:SecureTransport` — 全局条件键（Bool）/);
    assert.match(key, /\[全局条件键\]\(https:\/\/docs\.aws\.amazon\.com\/zh_cn\/IAM\/latest\/UserGuide\/reference_policies_condition-keys\.html#condition-keys-securetransport\)/);
    const operator = hoverText('{"Statement": {"Action": "kinesis:GetRecords", "Resource": "*", "Condition": {"Str|ingEquals": {"aws:SourceAccount": "111122223333"}}}}');
    assert.match(operator, /^`StringEquals` — 条件运算符（String）/);
    assert.match(operator, /\[条件运算符\]\(https:\/\/docs\.aws\.amazon\.com\/zh_cn\/IAM\/latest\/UserGuide\/reference_policies_elements_condition_operators\.html\)/);
  });

  it('says what a statement grants in the display language', () => {
    assert.match(hoverText('{"Statement": {"Effect": "Al|low", "Action": "kinesis:GetRecords", "Resource": "*"}}'), /^\*\*允许\*\*/);
  });
});
