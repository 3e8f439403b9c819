import * as l10n from '@vscode/l10n';
import { sentences } from '../../../l10n';
import { intrinsicOf } from '../intrinsics';
import { RESOURCE_VALUES } from '../resourceValues';
import { entry, stringValue, type TemplateNode } from '../templateTree';
import type { PieceText } from '../../../text/pieceText';
import { templateCheck, type TemplateFinding } from './check';

/**
 * `Resource: !Ref Stream` names the stream by its name, which is what `!Ref` gives for a stream, a
 * table, a role, a function or a bucket (a KMS key's id, a queue's URL; CloudFormation resource
 * reference, "Return values"):
 * IAM takes only ARNs (or `*`) in `Resource` and rejects the policy. `!GetAtt Stream.Arn` is meant.
 */
export const refNotArn = templateCheck({
  code: 'template/ref-not-arn',
  defaultSeverity: 'error',
  check({ template }) {
    const findings: TemplateFinding[] = [];
    // `!Ref` is CloudFormation's: a Terraform file has none.
    const format = template.format;
    if (format === 'hcl') return findings;
    for (const policy of template.policies) {
      if (policy.node.synthetic) continue;
      const list = entry(policy.node, 'Statement');
      for (const statement of list?.type === 'seq' ? list.items : list ? [list] : []) {
        for (const key of ['Resource', 'NotResource']) {
          const value = entry(statement, key);
          for (const item of value?.type === 'seq' ? value.items : value ? [value] : []) {
            const finding = refOfName(item, template.symbols.resources, template.source, format);
            if (finding) findings.push(finding);
          }
        }
      }
    }
    return findings;
  },
});

function refOfName(
  node: TemplateNode,
  resources: ReadonlyMap<string, { type: string }>,
  text: PieceText,
  format: 'json' | 'yaml',
): TemplateFinding | undefined {
  const intrinsic = intrinsicOf(node);
  const name = intrinsic?.name === 'Ref' ? stringValue(intrinsic.argument) : undefined;
  const type = name === undefined ? undefined : resources.get(name)?.type;
  const values = type === undefined ? undefined : RESOURCE_VALUES[type];
  const gives = values?.ref === '{name}' ? 'name' : values?.ref === '{id}' ? 'id' : values?.ref === '{url}' ? 'URL' : undefined;
  if (!name || !type || !values || !gives) return undefined;
  const attribute = Object.entries(values.attributes).find(([, v]) => v.startsWith('arn:') || v === '{consumerArn}')?.[0];
  const kind = kindName(type);
  const replacement = attribute === undefined ? undefined : written(node, text, format, name, attribute);
  const gave =
    gives === 'name'
      ? l10n.t('!Ref {0} gives the {1}\'s name, not its ARN, and IAM takes only ARNs (or "*") in a Resource: it rejects the policy.', name, kind)
      : gives === 'id'
        ? l10n.t('!Ref {0} gives the {1}\'s id, not its ARN, and IAM takes only ARNs (or "*") in a Resource: it rejects the policy.', name, kind)
        : l10n.t('!Ref {0} gives the {1}\'s URL, not its ARN, and IAM takes only ARNs (or "*") in a Resource: it rejects the policy.', name, kind);
  return {
    start: node.start,
    end: node.end,
    message: sentences(gave, attribute !== undefined && l10n.t('Use !GetAtt {0}.{1}.', name, attribute)),
    fix: replacement === undefined || attribute === undefined ? undefined : { title: l10n.t('Change to !GetAtt {0}.{1}', name, attribute), start: node.start, end: node.end, text: replacement },
  };
}

/** What a resource type is called in a message: `stream` for AWS::Kinesis::Stream, `log group` for AWS::Logs::LogGroup. */
function kindName(type: string): string {
  switch (type) {
    case 'AWS::Kinesis::Stream':
      return l10n.t('stream');
    case 'AWS::DynamoDB::Table':
      return l10n.t('table');
    case 'AWS::DynamoDB::GlobalTable':
      return l10n.t('global table');
    case 'AWS::IAM::Role':
      return l10n.t('role');
    case 'AWS::IAM::User':
      return l10n.t('user');
    case 'AWS::KMS::Key':
      return l10n.t('key');
    case 'AWS::KMS::Alias':
      return l10n.t('alias');
    case 'AWS::Lambda::Function':
    case 'AWS::Serverless::Function':
      return l10n.t('function');
    case 'AWS::S3::Bucket':
      return l10n.t('bucket');
    case 'AWS::SQS::Queue':
      return l10n.t('queue');
    case 'AWS::Logs::LogGroup':
      return l10n.t('log group');
    case 'AWS::KinesisFirehose::DeliveryStream':
      return l10n.t('delivery stream');
    default:
      // Any other type as its last part says, in words: `AWS::Foo::BarBaz` is a `bar baz`.
      return (type.split('::').pop() ?? type).replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  }
}

/** `!GetAtt Name.Attribute` as the template writes intrinsic functions where the `!Ref` is. */
function written(node: TemplateNode, text: PieceText, format: 'json' | 'yaml', name: string, attribute: string): string {
  if (format === 'json') return `{ "Fn::GetAtt": ["${name}", "${attribute}"] }`;
  if (node.tag) return `!GetAtt ${name}.${attribute}`;
  // The long form, `Ref: Stream` on its own line or `{Ref: Stream}`.
  return text.slice(node.start, node.end).trimStart().startsWith('{') ? `{Fn::GetAtt: [${name}, ${attribute}]}` : `Fn::GetAtt: [${name}, ${attribute}]`;
}
