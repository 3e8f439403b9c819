import { statementRule, type PolicyRule } from '../../rule';
import { at } from '../../ruleContext';

/** Allow with NotAction grants every action of every service except those listed. */
export const allowNotAction: PolicyRule = statementRule({
  code: 'iam/allow-not-action',
  defaultSeverity: 'warning',
  kinds: ['identity', 'kinesis-resource', 'other-resource'],
  checkStatement(s) {
    if (s.effect?.value !== 'Allow' || !s.notAction) return [];
    return [
      at(
        s.notAction.property.children?.[0] ?? s.notAction.property,
        '"Allow" with "NotAction" grants every action of every AWS service except those listed, including ones added later. ' +
          'List the actions to allow under "Action" instead.',
      ),
    ];
  },
});
