import * as l10n from '@vscode/l10n';
import { statementRule } from '../../engine/rule';

/** Every statement of a resource-based policy must say who it applies to. */
export const missingPrincipal = statementRule({
  code: 'resource-policy/missing-principal',
  defaultSeverity: 'error',
  kinds: ['kinesis-resource'],
  checkStatement(s) {
    if (s.principal || s.notPrincipal) return [];
    // On the statement's opening brace, as JSON tools report a missing property.
    return [
      {
        offset: s.node.offset,
        length: 1,
        message: l10n.t(
          'This statement has no "Principal". In a Kinesis resource-based policy every statement must name the accounts, IAM roles or IAM users it grants access to, e.g. "Principal": {"AWS": "111122223333"}.',
        ),
        data: { statement: s.index },
      },
    ];
  },
});
