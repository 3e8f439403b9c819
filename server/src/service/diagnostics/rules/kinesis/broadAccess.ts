import * as l10n from '@vscode/l10n';
import { series } from '../../../l10n';
import { parseArn } from '../../../catalog/arn';
import type { ActionInfo } from '../../../catalog/serviceEntry';
import { wildcardMatcher } from '../../../catalog/wildcard';
import { globCovers, resourceCoverage } from '../../../evaluation';
import { CONSUMER_MARKER_ACTION, KCL_STREAM_ACTIONS, PRODUCER_STREAM_ACTIONS, WRITE_ACTIONS } from '../../../kinesis/kinesisFacts';
import type { PolicyString, StatementModel } from '../../../policy/policyModel';
import { at, policyRule, type RuleFinding } from '../../engine/rule';
import type { ResolvedAction, RuleContext } from '../../engine/ruleContext';
import { kclSetVersion } from '../../helpers/leaseTables';

/** Access levels that change streams rather than read them. */
const CHANGING = new Set(['Write', 'Permissions management', 'Tagging']);

/**
 * Least privilege for Kinesis: a statement that grants `kinesis:*`, or actions that change or
 * delete streams, on every stream, in a policy whose other statements show it is a producer's or a
 * consumer's. The job needs a few actions on its own streams; the statement lets it delete,
 * reshard or re-encrypt any stream in the account.
 */
export const broadAccess = policyRule({
  code: 'kinesis/broad-access',
  defaultSeverity: 'information',
  kinds: ['identity'],
  judges: 'principal',
  check(context) {
    const findings: RuleFinding[] = [];
    if (!WRITE_ACTIONS.some((a) => context.access.isGranted(a)) && !context.access.isGranted(CONSUMER_MARKER_ACTION)) return findings;
    for (const statement of context.model.statements) {
      // What the statement alone says, worked out once per statement: its stream-changing entries, if it is on every stream.
      const broad = context.statementMemo(statement, 'kinesis/broad-access', () => broadEntries(context, statement));
      if (broad.length === 0) continue;
      const job = jobShownBesides(context, statement);
      if (!job) continue;
      for (const { value, actions } of broad) {
        const extra = actions.filter((a) => !job.actions.includes(a.qualifiedName));
        if (extra.length === 0) continue;
        findings.push(
          at(value.node, broadMessage(job, value.value, describeExtra(extra)), {
            data: { action: value.value, replacement: [...job.actions], job: job.name },
          }),
        );
      }
    }
    return findings;
  },
});

/** The Allow statement's action entries that change Kinesis streams, with those actions, when it is on every stream. */
function broadEntries(context: RuleContext, statement: StatementModel): { value: PolicyString; actions: ActionInfo[] }[] {
  if (statement.effect?.value !== 'Allow' || !statement.action || !onEveryStream(statement)) return [];
  return context
    .actionsOf(statement)
    .map((entry) => ({ value: entry.value, actions: kinesisActions(context, entry).filter((a) => CHANGING.has(a.accessLevel)) }))
    .filter((e) => e.actions.length > 0);
}

/** The Kinesis actions an entry covers, without loading other services for a wildcard such as `*`. */
function kinesisActions(context: RuleContext, entry: ResolvedAction): readonly ActionInfo[] {
  const text = entry.value.value;
  if (text.toLowerCase().startsWith('kinesis:')) return entry.actions;
  if (!entry.wildcard) return [];
  const colon = text.indexOf(':');
  const [service, action] = colon < 0 ? [text, '*'] : [text.slice(0, colon), text.slice(colon + 1)];
  return wildcardMatcher(service)('kinesis') ? context.catalog.matchActions(`kinesis:${action}`) : [];
}

/**
 * Whether the statement's resources take in every stream of an account: `"*"`,
 * `arn:aws:kinesis:*:*:*`, `arn:aws:kinesis:*:111122223333:stream/*`. The Region and account
 * fields do not narrow it much: an identity policy reaches other accounts' streams only where
 * their policies let it, and every stream it can touch in its own account is in reach.
 */
function onEveryStream(statement: StatementModel): boolean {
  if (statement.notResource || !statement.resource) return false;
  return statement.resource.values.some(({ value }) => {
    if (value === '*') return true;
    const arn = parseArn(value);
    return arn !== undefined && resourceCoverage(arn.service, 'kinesis') === 'all' && globCovers(arn.resource, 'stream/*');
  });
}

/** A job a policy shows, by name (the finding's data), with the Kinesis actions it needs. */
interface Job {
  name: 'producer' | 'consumer' | 'producer and consumer';
  actions: string[];
}

/** The job the policy's other statements show, with the Kinesis actions it needs. */
function jobShownBesides(context: RuleContext, statement: StatementModel): Job | undefined {
  const others = (action: string) => context.access.allowsOf(action).some((s) => s !== statement);
  const producer = WRITE_ACTIONS.some(others);
  const consumer = others(CONSUMER_MARKER_ACTION);
  if (!producer && !consumer) return undefined;
  const version = context.settings.kclVersion === 'none' ? '1.x' : kclSetVersion(context.settings.kclVersion);
  const actions = [...new Set([...(producer ? PRODUCER_STREAM_ACTIONS : []), ...(consumer ? KCL_STREAM_ACTIONS[version] : [])])].sort();
  return { name: producer && consumer ? 'producer and consumer' : producer ? 'producer' : 'consumer', actions };
}

/** What a broad entry lets the job do beyond its needs: `DeleteStream, MergeShards and 9 more Kinesis actions`. */
function describeExtra(extra: readonly ActionInfo[]): string {
  const names = extra.map((a) => a.name);
  const shown = series(names.slice(0, 4));
  return names.length > 4 ? l10n.t('{0} and {1} more Kinesis actions', shown, names.length - 4) : shown;
}

/** The finding's message for the job, a sentence for each. */
function broadMessage(job: Job, written: string, extra: string): string {
  const needs = series(job.actions);
  if (job.name === 'producer') {
    return l10n.t(
      '"{0}" on every stream lets this producer {1} in the account, which it does not need. A producer needs {2}, on its own streams.',
      written,
      extra,
      needs,
    );
  }
  if (job.name === 'consumer') {
    return l10n.t(
      '"{0}" on every stream lets this consumer {1} in the account, which it does not need. A consumer needs {2}, on its own streams.',
      written,
      extra,
      needs,
    );
  }
  return l10n.t(
    '"{0}" on every stream lets this producer and consumer {1} in the account, which it does not need. A producer and consumer needs {2}, on its own streams.',
    written,
    extra,
    needs,
  );
}
