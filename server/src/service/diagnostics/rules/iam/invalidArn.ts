import * as l10n from '@vscode/l10n';
import { series } from '../../../l10n';
import { parseArn, partitionOfRegion, PARTITIONS, type ArnParts } from '../../../catalog/arn';
import { globsIntersect, templateGlob } from '../../../catalog/arnPatterns';
import type { IamCatalog } from '../../../catalog/iamCatalog';
import { hasWildcard } from '../../../catalog/wildcard';
import type { PolicyString } from '../../../policy/policyModel';
import { placeholderIn } from '../../../templates/placeholders';
import { at, type RuleFinding, statementRule } from '../../engine/rule';
import type { RuleContext } from '../../engine/ruleContext';
import { ALL_KINDS } from '../../engine/policyKind';
import { kinesisResourceNames } from '../../../kinesis/kinesisFacts';

/** A malformed ARN in `Resource` matches no resource: the statement silently grants nothing. */
export const invalidArn = statementRule({
  code: 'iam/invalid-arn',
  defaultSeverity: 'error',
  kinds: ALL_KINDS,
  checkStatement(statement, context) {
    const findings: RuleFinding[] = [];
    // Policies repeat their ARNs: each distinct one is checked once per validation.
    const problems = context.memo<string | undefined>(arnProblem);
    const check = (value: PolicyString, arn?: ArnParts) => {
      const text = value.value;
      let problem = problems.get(text);
      if (problem === undefined && !problems.has(text)) {
        problem = arnProblem(context.catalog, text, arn ?? parseArn(text));
        problems.set(text, problem);
      }
      const arnParts = arn ?? parseArn(text);
      const partition = problem && arnParts ? partitionForRegion(arnParts) : undefined;
      if (problem) findings.push(at(value.node, l10n.t('"{0}" is not a valid ARN: {1}', text, problem), { data: { arn: text, ...(partition ? { partition } : {}) } }));
    };
    for (const resource of context.resourcesOf(statement)) check(resource.value, resource.arn);
    if (statement.notResource) for (const value of statement.notResource.values) check(value);
    return findings;
  },
});

/**
 * Whether a `Resource` entry cannot be read as a resource: a malformed ARN (this rule's), an empty
 * string (`iam/empty-value`'s) or a placeholder (`iam/placeholder`'s). The rules that judge what a
 * resource is step aside for it: one mistake, one finding.
 */
export function unreadableResource(context: RuleContext, text: string): boolean {
  if (text.trim() === '' || placeholderIn(text)) return true;
  const problems = context.memo<string | undefined>(arnProblem);
  if (!problems.has(text)) problems.set(text, arnProblem(context.catalog, text));
  return problems.get(text) !== undefined;
}

/**
 * What is wrong with a `Resource` entry (its fields, when already parsed), or undefined when
 * nothing is: a sentence in the display language, following `"..." is not a valid ARN: `.
 */
export function arnProblem(catalog: IamCatalog, text: string, arn = parseArn(text)): string | undefined {
  // Everything, policy variables, placeholders, and empty strings (iam/empty-value's).
  if (text === '*' || text.includes('${') || text.trim() === '' || placeholderIn(text)) return undefined;
  // A `*` matches across colons (IAM User Guide, "IAM JSON policy elements: Resource"):
  // `arn:aws:sns:*:*` and `arn:aws:logs:*` name every resource of the service.
  if (!arn && text.startsWith('arn:') && /\*[^:]*$/.test(text)) return undefined;
  if (!arn) {
    return text.startsWith('arn:')
      ? l10n.t('an ARN has six colon-separated fields, arn:partition:service:region:account:resource.')
      : l10n.t('a resource is "*" or an ARN, arn:partition:service:region:account:resource.');
  }
  if (!hasWildcard(arn.partition) && !PARTITIONS.includes(arn.partition)) {
    return l10n.t('"{0}" is not an AWS partition ({1}, ...).', arn.partition, series(PARTITIONS.slice(0, 3)));
  }
  const partition = partitionForRegion(arn);
  if (partition) return l10n.t('the region "{0}" is in the {1} partition: the ARN begins arn:{1}:, not arn:{2}:.', arn.region, partition, arn.partition);
  if (arn.service === '') return l10n.t('the service field is empty.');
  if (arn.account !== '' && !hasWildcard(arn.account) && !/^(\d{12}|aws)$/.test(arn.account)) {
    return l10n.t('the account "{0}" must be a 12-digit account id.', arn.account);
  }
  if (arn.resource === '') return l10n.t('the resource field is empty.');
  // IAM resources, and S3 buckets and objects, are global: their ARNs leave the region empty, and
  // IAM rejects one that names a Region. S3's access points, jobs and the like are Regional.
  if ((arn.service === 'iam' || (arn.service === 's3' && !regionalS3(catalog, text))) && arn.region !== '') {
    return arn.service === 's3'
      ? l10n.t('an S3 ARN has no region (arn:{0}:s3:::...), not "{1}".', arn.partition, arn.region)
      : l10n.t('an IAM ARN has no region (arn:{0}:iam::ACCOUNT:...), not "{1}".', arn.partition, arn.region);
  }
  if (arn.service === 'kinesis') return kinesisProblem(catalog, text, arn);
  return undefined;
}

/** The partition the ARN's region is in, when the ARN names another one. */
function partitionForRegion(arn: ArnParts): string | undefined {
  if (hasWildcard(arn.partition) || hasWildcard(arn.region) || !PARTITIONS.includes(arn.partition)) return undefined;
  const expected = partitionOfRegion(arn.region);
  return expected && expected !== arn.partition ? expected : undefined;
}

/** Whether an S3 ARN can name one of S3's Regional resources (access points, Batch Operations jobs, Storage Lens, ...). */
function regionalS3(catalog: IamCatalog, text: string): boolean {
  const types = (catalog.service('s3')?.resourceTypes ?? []).filter((t) => t.arn.includes('${Region}'));
  return types.some((t) => globsIntersect(text, templateGlob(t)));
}

/** A Kinesis ARN names its stream's Region and account, and stream and consumer names of `[a-zA-Z0-9_.-]{1,128}` (Kinesis API Reference, CreateStream, RegisterStreamConsumer). */
function kinesisProblem(catalog: IamCatalog, text: string, arn: ArnParts): string | undefined {
  if (arn.region === '') return l10n.t('a Kinesis ARN names the Region of its stream; the region field is empty.');
  if (arn.account === '') return l10n.t('a Kinesis ARN names the account of its stream; the account field is empty.');
  return kinesisResourceProblem(catalog, text, arn.resource);
}

function kinesisResourceProblem(catalog: IamCatalog, text: string, resource: string): string | undefined {
  const types = catalog.service('kinesis')?.resourceTypes ?? [];
  const fits = hasWildcard(resource)
    ? types.some((t) => globsIntersect(text, templateGlob(t))) && /^[a-zA-Z0-9_.\-/:*?]*$/.test(resource)
    : catalog.describeArn(text)?.resourceType !== undefined && validKinesisNames(resource);
  return fits
    ? undefined
    : l10n.t('a Kinesis resource is stream/NAME or a consumer, stream/NAME/consumer/CONSUMER:TIMESTAMP, with names of letters, digits, "_", "." and "-", not "{0}".', resource);
}

/** Stream and consumer names as Kinesis takes them (`kinesisResourceNames`); a consumer's creation timestamp is a number. */
function validKinesisNames(resource: string): boolean {
  return kinesisResourceNames(resource) !== undefined || !resource.startsWith('stream/');
}
