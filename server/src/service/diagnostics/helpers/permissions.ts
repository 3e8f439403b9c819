import type { PolicyModel, StatementModel } from '../../policy/policyModel';
import { hasWildcard, wildcardMatcher } from '../../catalog/wildcard';

type Matcher = (action: string) => boolean;

/**
 * Which Allow statements grant an action, built once per policy: exact names in a map, wildcard
 * and `NotAction` statements in short lists, so that each question costs little on large policies.
 */
export class PermissionIndex {
  private readonly exact = new Map<string, StatementModel[]>();
  private readonly patterns: { matches: Matcher; statement: StatementModel }[] = [];
  private readonly negated: { excluded: Matcher[]; statement: StatementModel }[] = [];

  constructor(model: PolicyModel) {
    for (const statement of model.statements) {
      if (statement.effect?.value !== 'Allow') continue;
      for (const { value } of statement.action?.values ?? []) {
        if (hasWildcard(value)) {
          this.patterns.push({ matches: wildcardMatcher(value), statement });
        } else {
          const key = value.toLowerCase();
          const list = this.exact.get(key) ?? [];
          list.push(statement);
          this.exact.set(key, list);
        }
      }
      if (statement.notAction) {
        this.negated.push({ excluded: statement.notAction.values.map((v) => wildcardMatcher(v.value)), statement });
      }
    }
  }

  /** The Allow statements that grant `action` (`service:Name`), in document order. */
  grantsOf(action: string): StatementModel[] {
    const result = new Set(this.exact.get(action.toLowerCase()) ?? []);
    for (const { matches, statement } of this.patterns) if (matches(action)) result.add(statement);
    for (const { excluded, statement } of this.negated) if (!excluded.some((m) => m(action))) result.add(statement);
    return [...result].sort((a, b) => a.index - b.index);
  }

  isGranted(action: string): boolean {
    return this.grantsOf(action).length > 0;
  }
}
