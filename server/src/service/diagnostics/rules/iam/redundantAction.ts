import * as l10n from '@vscode/l10n';
import { DiagnosticTag } from 'vscode-languageserver-types';
import type { ActionInfo } from '../../../catalog/serviceEntry';
import { wildcardMatcher } from '../../../catalog/wildcard';
import type { PolicyString } from '../../../policy/policyModel';
import { at, type RuleFinding, statementRule } from '../../engine/rule';
import { type ResolvedAction } from '../../engine/ruleContext';
import { ALL_KINDS } from '../../engine/policyKind';

/** Statements with more actions than this look for repeats in a set rather than the list. */
const FEW = 16;
/**
 * A wildcard entry is compared with at most this many distinct wildcards of its statement, so
 * that a statement of thousands of wildcards costs thousands of comparisons, not millions.
 */
const MAX_WILDCARDS = 256;
/**
 * Named actions × wildcards up to which each named action is matched against each wildcard (a few
 * milliseconds at most); beyond, the wildcards' expansions are read once into a map, which the
 * statements of one check with the same wildcards share.
 */
const MAX_MATCHES = 65_536;

interface Pattern {
  value: PolicyString;
  /** Its place among the statement's entries. */
  index: number;
  matches: (candidate: string) => boolean;
}

/** An action listed twice, or already covered by a wildcard in the same statement, adds nothing. */
export const redundantAction = statementRule({
  code: 'iam/redundant-action',
  defaultSeverity: 'hint',
  kinds: ALL_KINDS,
  checkStatement(statement, context) {
    const findings: RuleFinding[] = [];
    // Unknown actions are iam/unknown-action's; only real actions and wildcards can be redundant.
    const resolved = context.actionsOf(statement).filter((a) => a.known);
    if (resolved.length < 2) return findings;
    // What makes two entries the same: the catalog action (found case-insensitively), or a wildcard's lowercase text.
    const keys = resolved.map((a) => (a.wildcard ? a.value.value.toLowerCase() : a.actions[0]));
    const coverage = new Coverage(resolved, context.memo<Map<ActionInfo, string>>(redundantAction));
    const seen = resolved.length > FEW ? new Set<unknown>() : undefined;
    for (let i = 0; i < resolved.length; i++) {
      const { value } = resolved[i];
      const twice = seen ? seen.has(keys[i]) : keys.indexOf(keys[i]) < i;
      seen?.add(keys[i]);
      const coveredBy = twice ? value.value : coverage.coveredBy(i);
      if (!coveredBy) continue;
      findings.push(
        at(
          value.node,
          coveredBy === value.value
            ? l10n.t('"{0}" is listed twice in this statement.', value.value)
            : l10n.t('"{0}" is already covered by "{1}" in this statement.', value.value, coveredBy),
          {
            tags: [DiagnosticTag.Unnecessary],
            data: { action: value.value, coveredBy },
          },
        ),
      );
    }
    return findings;
  },
});

/** Which wildcard of a statement, the first in its order, covers an entry of the same statement. */
class Coverage {
  /** The statement's distinct wildcards (by lowercase text), in order. */
  private readonly wildcards: { entry: ResolvedAction; index: number }[] = [];
  /** The first `MAX_WILDCARDS` of them, as matchers for other wildcards; made on first use. */
  private patterns: Pattern[] | undefined;
  /** For a catalog action: the first wildcard whose expansion holds it; made on first use. */
  private byAction: Map<ActionInfo, string> | undefined;
  /** The wildcards as matchers of `service:Name`, or null when `byAction` is fewer steps; made on first use. */
  private matchers: ((qualifiedName: string) => boolean)[] | null | undefined;

  constructor(
    private readonly resolved: readonly ResolvedAction[],
    /** This check's maps from action to covering wildcard, by the statement's wildcards in order. */
    private readonly maps: Map<string, Map<ActionInfo, string>>,
  ) {
    const distinct = new Set<string>();
    resolved.forEach((entry, index) => {
      const lower = entry.value.value.toLowerCase();
      if (!entry.wildcard || distinct.has(lower)) return;
      distinct.add(lower);
      this.wildcards.push({ entry, index });
    });
  }

  /** The text of the wildcard that makes the statement's `index`th entry redundant, if any. */
  coveredBy(index: number): string | undefined {
    const entry = this.resolved[index];
    if (this.wildcards.length === 0) return undefined;
    if (!entry.wildcard) return this.actionCoverage(entry.actions[0]);
    const text = entry.value.value;
    this.patterns ??= this.wildcards.slice(0, MAX_WILDCARDS).map(({ entry: w, index: i }) => ({ value: w.value, index: i, matches: wildcardMatcher(w.value.value) }));
    let matchesBack: ((candidate: string) => boolean) | undefined;
    // Two wildcards that cover each other (`kinesis:*`, `kinesis:**`): only the later one is redundant.
    const covers = (p: Pattern) => p.index !== index && p.matches(text) && (p.index < index || !(matchesBack ??= wildcardMatcher(text))(p.value.value));
    return this.patterns.find(covers)?.value.value;
  }

  /**
   * A named action is covered by a wildcard exactly when the wildcard's expansion holds it, that
   * is when the wildcard matches its `service:Name` (the one colon of each lines up). Few named
   * actions and wildcards: each named action is matched against the wildcards, without reading
   * an expansion (`*` expands to every action of every service). Many: one pass over the
   * expansions instead of matching every action against every wildcard.
   */
  private actionCoverage(info: ActionInfo): string | undefined {
    if (this.matchers === undefined) {
      const named = this.resolved.filter((e) => !e.wildcard).length;
      this.matchers = named * this.wildcards.length <= MAX_MATCHES ? this.wildcards.map(({ entry }) => wildcardMatcher(entry.value.value)) : null;
    }
    if (this.matchers) {
      const i = this.matchers.findIndex((matches) => matches(info.qualifiedName));
      return i < 0 ? undefined : this.wildcards[i].entry.value.value;
    }
    if (!this.byAction) {
      const key = this.wildcards.map(({ entry }) => entry.value.value).join('\n');
      let byAction = this.maps.get(key);
      if (!byAction) {
        byAction = new Map();
        for (const { entry } of this.wildcards) for (const action of entry.actions) if (!byAction.has(action)) byAction.set(action, entry.value.value);
        this.maps.set(key, byAction);
      }
      this.byAction = byAction;
    }
    return this.byAction.get(info);
  }
}
