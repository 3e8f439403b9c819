import * as l10n from '@vscode/l10n';
import { series } from '../../../l10n';
import { partitionsNamed, PARTITIONS } from '../../../catalog/arn';
import { hasWildcard } from '../../../catalog/wildcard';
import type { PrincipalElement, StatementModel } from '../../../policy/policyModel';
import { placeholderIn, templateValueIn } from '../../../templates/placeholders';
import { at, type RuleFinding, statementRule } from '../../engine/rule';
import { ALL_KINDS } from '../../engine/policyKind';
import { describeNode } from '../../helpers/words';

const IAM_PRINCIPAL_ARN = new RegExp(
  `^arn:(${PARTITIONS.join('|')}):(iam::(\\d{12}|\\*):(root|user/.+|role/.+|federated-user/.+|assumed-role/.+)|sts::(\\d{12}|\\*):(assumed-role|federated-user)/.+)$`,
);
/** A CloudFront origin access identity, as S3 bucket policies name it (CloudFront Developer Guide, "Restricting access to an Amazon S3 origin"). */
const CLOUDFRONT_OAI = new RegExp(`^arn:(${PARTITIONS.join('|')}):iam::cloudfront:user/CloudFront Origin Access Identity [A-Z0-9]+$`);
/** The principal types IAM knows, spelt as it spells them (IAM User Guide, "AWS JSON policy elements: Principal"). */
const PRINCIPAL_TYPES = ['AWS', 'Service', 'Federated', 'CanonicalUser'];

/**
 * An `AWS` principal is an account id (12 digits) or an IAM ARN: the account root, a user, a
 * role, an assumed-role session. Anything else, such as a placeholder left in, names nobody.
 */
export const invalidPrincipal = statementRule({
  code: 'iam/invalid-principal',
  defaultSeverity: 'error',
  kinds: ALL_KINDS,
  checkStatement(statement) {
    const findings: RuleFinding[] = [];
    const partition = resourcePartition(statement);
    const check = (element: PrincipalElement | undefined) => {
      if (!element) return;
      const kind = element.value?.type;
      if (element.value && kind !== 'string' && kind !== 'object') {
        findings.push(
          at(element.value, l10n.t('"{0}" is "*" or an object of principal types, such as {"AWS": "111122223333"}, not {1}.', element.key, kind === 'null' ? l10n.t('a null') : describeNode(element.value)), {
            data: { principal: element.key },
          }),
        );
      }
      for (const entry of element.entries) {
        if (PRINCIPAL_TYPES.includes(entry.type.value) || templateValueIn(entry.type.value)) continue;
        const same = PRINCIPAL_TYPES.find((t) => t.toLowerCase() === entry.type.value.toLowerCase());
        findings.push(
          at(
            entry.type.node,
            same
              ? l10n.t('"{0}" is not a principal type: IAM knows {1}, spelt exactly so (did you mean "{2}"?).', entry.type.value, series(PRINCIPAL_TYPES), same)
              : l10n.t('"{0}" is not a principal type: IAM knows {1}.', entry.type.value, series(PRINCIPAL_TYPES)),
            { data: { principalType: entry.type.value, ...(same ? { suggestion: same } : {}) } },
          ),
        );
      }
      if (element.bare && element.bare.value !== '*') {
        findings.push(
          // The example is an argument: a placeholder inside braces would not be filled in.
          at(element.bare.node, l10n.t('A principal written as a plain string can only be "*"; name others by type, e.g. {0}.', `{"AWS": "${element.bare.value}"}`), {
            data: { principal: element.bare.value },
          }),
        );
      }
      for (const entry of element.entries) {
        if (entry.type.value !== 'AWS') continue;
        for (const value of entry.values) {
          // A template's `!Sub 'arn:${AWS::Partition}:iam::${Account}:root'` is known only when deployed.
          if (templateValueIn(value.value)) continue;
          const other = crossPartition(value.value, partition);
          if (other && partition) {
            const suggestion = `arn:${partition}:${value.value.slice(`arn:${other}:`.length)}`;
            findings.push(
              at(
                value.node,
                l10n.t(
                  '"{0}" is in the {1} partition, but this statement\'s resources are in {2}: partitions do not share principals, and IAM rejects one it cannot find in the policy\'s partition. Did you mean {3}?',
                  value.value,
                  other,
                  partition,
                  suggestion,
                ),
                { data: { principal: value.value, suggestion } },
              ),
            );
            continue;
          }
          if (isValidAwsPrincipal(value.value) || placeholderIn(value.value)) continue;
          findings.push(
            at(
              value.node,
              l10n.t(
                '"{0}" is not a valid AWS principal: use a 12-digit account id (111122223333) or an IAM ARN such as arn:aws:iam::111122223333:root, arn:aws:iam::111122223333:role/NAME or arn:aws:iam::111122223333:user/NAME.',
                value.value,
              ),
              { data: { principal: value.value } },
            ),
          );
        }
      }
    };
    check(statement.principal);
    check(statement.notPrincipal);
    return findings;
  },
});

/** The one partition every resource of the statement names, if they name one. */
function resourcePartition(statement: StatementModel): string | undefined {
  const partitions = new Set(partitionsNamed(statement.resource?.values ?? []));
  return partitions.size === 1 ? [...partitions][0] : undefined;
}

/** A principal ARN's partition, when it is another known partition than the resources'. */
function crossPartition(value: string, partition: string | undefined): string | undefined {
  const other = partition ? /^arn:([a-z-]+):(?:iam|sts)::/.exec(value)?.[1] : undefined;
  return other && other !== partition && PARTITIONS.includes(other) ? other : undefined;
}

function isValidAwsPrincipal(value: string): boolean {
  // Wildcards are valid IAM; Kinesis resource policies reject them under their own rule.
  return value === '*' || /^\d{12}$/.test(value) || IAM_PRINCIPAL_ARN.test(value) || CLOUDFRONT_OAI.test(value) || (hasWildcard(value) && value.startsWith('arn:'));
}
