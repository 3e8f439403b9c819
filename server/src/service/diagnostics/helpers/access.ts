import * as l10n from '@vscode/l10n';
import type { Node } from 'jsonc-parser';
import { wildcardMatcher } from '../../catalog/wildcard';
import { decideAccess, PolicyEvaluator, type AccessAnswer, type CompiledStatements, type StatementMatch } from '../../evaluation';
import { takesAction } from '../../evaluation/statements';
import type { PolicyModel, StatementModel } from '../../policy/policyModel';

/**
 * What an identity policy grants, for the rules: each question is put to the evaluation core
 * once per validation. A rule asks whether an action is possible on a resource the policy names
 * (allowed, or allowed under conditions the policy cannot settle) and, when it is not, which
 * Deny took it away.
 */
export class PolicyAccess {
  private readonly evaluator: PolicyEvaluator;
  private readonly answers = new Map<string, AccessAnswer>();
  private readonly allows = new Map<string, StatementModel[]>();

  constructor(
    private readonly model: PolicyModel,
    compiled: CompiledStatements,
  ) {
    this.evaluator = new PolicyEvaluator({ model, kind: 'identity', source: '' }, compiled);
  }

  /** The core's answer for `action` on `resource` (an ARN or a pattern), this policy alone deciding. */
  private decide(action: string, resource: string, literal = false): AccessAnswer {
    const key = `${action.toLowerCase()}\u0000${resource}\u0000${literal}`;
    let answer = this.answers.get(key);
    if (!answer) {
      answer = decideAccess([this.evaluator], [], { action, resource, literal });
      this.answers.set(key, answer);
    }
    return answer;
  }

  /**
   * Whether the action can be allowed on the resource: allowed, or allowed in some of the cases
   * the policy leaves open (a condition, a pattern that covers part of the resource). The checks
   * report only what is surely missing: a false alarm on a policy IAM accepts is a bug.
   */
  permits(action: string, resource: string, literal = false): boolean {
    // The same answer as `decide` gives: possible where some Allow may apply and no Deny surely does.
    if (this.evaluator.widest(action, resource, literal, 'Allow') === 'none') return false;
    return !this.evaluator.hasDeny || this.evaluator.widest(action, resource, literal, 'Deny') !== 'all';
  }

  /**
   * The same, when `statement`, an Allow statement that names `resource`, may itself grant the
   * action: then only a Deny can take it away, and only the Deny statements are read.
   */
  permitsBeside(statement: StatementModel, action: string, resource: string): boolean {
    const compiled = this.evaluator.compiled(statement);
    if (!compiled || compiled.effect !== 'Allow' || !takesAction(compiled, action)) return this.permits(action, resource);
    return !this.evaluator.hasDeny || this.evaluator.widest(action, resource, false, 'Deny') !== 'all';
  }

  /** The Deny statements that surely take the action away on the resource, if that is why it is not permitted. */
  deniedBy(action: string, resource: string, literal = false): StatementMatch[] {
    if (!this.evaluator.hasDeny) return [];
    const answer = this.decide(action, resource, literal);
    return answer.decision === 'explicitly-denied' ? answer.statements : [];
  }

  /** The Allow statements whose actions take `action`, whatever their resources, in document order. */
  allowsOf(action: string): readonly StatementModel[] {
    const key = action.toLowerCase();
    let list = this.allows.get(key);
    if (!list) {
      list = [];
      for (const statement of this.model.statements) {
        if (statement.effect?.value !== 'Allow') continue;
        const compiled = this.evaluator.compiled(statement);
        if (compiled && takesAction(compiled, action)) list.push(statement);
      }
      this.allows.set(key, list);
    }
    return list;
  }

  /** Whether some Allow statement takes the action: the policy means to grant it somewhere. */
  isGranted(action: string): boolean {
    return this.allowsOf(action).length > 0;
  }
}

/** Where a statement grants `action`: its first matching `Action` entry, or its `NotAction` key. */
export function grantSiteIn(statement: StatementModel, action: string): Node | undefined {
  const entry = statement.action?.values.find((v) => wildcardMatcher(v.value)(action));
  return entry?.node ?? statement.notAction?.property.children?.[0];
}

/** How a message names a statement: its Sid, or its place (`statement number 2`; in Chinese `语句 2`). */
export function statementName(statement: StatementModel): string {
  return statement.sid?.value ? `"${statement.sid.value}"` : l10n.t('number {0}', statement.index + 1);
}
