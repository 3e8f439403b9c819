import * as l10n from '@vscode/l10n';
import { at, statementRule } from '../../engine/rule';
import { templateValueIn } from '../../../templates/placeholders';

/**
 * In identity policies a `Sid` is ASCII letters and digits only (IAM User Guide, "IAM JSON policy
 * elements: Sid"); IAM rejects others. Resource-based policies of other services allow more, so
 * only identity policies are checked.
 */
export const invalidSid = statementRule({
  code: 'iam/invalid-sid',
  defaultSeverity: 'error',
  kinds: ['identity'],
  checkStatement(statement) {
    const sid = statement.sid;
    // A template's or a Terraform file's `${...}` is filled in when it is deployed.
    if (!sid || /^[A-Za-z0-9]*$/.test(sid.value) || templateValueIn(sid.value)) return [];
    const suggestion = sid.value.replace(/[^A-Za-z0-9]/g, '');
    return [
      at(sid.node, l10n.t('"{0}" is not a valid Sid: in an identity policy a Sid has only ASCII letters and digits (A-Z, a-z, 0-9).', sid.value), {
        data: { sid: sid.value, ...(suggestion !== '' ? { suggestion } : {}) },
      }),
    ];
  },
});
