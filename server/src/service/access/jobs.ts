import * as l10n from '@vscode/l10n';
import type { AccessQuestion } from '../../../../common/src/access';
import type { AccessJob, KclVersion, PolicyRole } from '../../../../common/src/choices';
import { parseArn } from '../catalog/arn';
import { DESCRIBE_ACTIONS } from '../kinesis/kinesisFacts';
import { PLACEHOLDER_PARAMS, statementsFor, type TemplateParams } from '../templates/policyTemplates';

/** One request a job makes: an action on a resource, or on every resource a pattern stands for. */
export interface JobRequest {
  action: string;
  resource: string;
  /** Whether `resource` is one resource (an ARN, or `*` for an action that takes none) rather than a pattern. */
  literal: boolean;
  /** Other actions that do the job as well (the caller uses whichever it may): either is enough. */
  alternatives?: string[];
}

export interface JobTarget {
  /** The stream's ARN. */
  stream: string;
  /** The KCL lease table's ARN, for a KCL consumer. */
  table?: string;
  /**
   * The enhanced fan-out consumer: its ARN, its name and creation timestamp (`app:1700000000`), or
   * its name alone (any consumer of that name); every consumer of the stream when not given.
   */
  consumer?: string;
  kclVersion?: KclVersion;
}

/** The statement templates each job's requests come from (the same the snippets and New Policy write). */
const ROLE_OF: Record<AccessJob, PolicyRole> = {
  producer: 'producer',
  'kcl-consumer': 'kcl-consumer',
  'efo-consumer': 'efo-consumer',
  'cross-account-reader': 'cross-account-read',
  'cross-account-writer': 'cross-account-write',
};

/** Whether a resource is one resource (an ARN, or `*` for an action that takes none) rather than a pattern. */
export function isLiteral(resource: string): boolean {
  return resource === '*' || !/[*?]/.test(resource);
}

/**
 * The requests a question makes: each action on the resource, or every request of the job; a
 * string saying why not when the job's target does not fit it.
 */
export function questionRequests(question: AccessQuestion): JobRequest[] | string {
  const { job, resource } = question;
  if (!job) return (question.actions ?? []).map((action) => ({ action, resource, literal: isLiteral(resource) }));
  const target = { stream: resource, table: question.table, consumer: question.consumer, kclVersion: question.kclVersion };
  return jobTargetProblem(job, target) ?? jobRequests(job, target);
}

/** Why a job cannot be asked about this target, or undefined when it can. */
export function jobTargetProblem(job: AccessJob, target: JobTarget): string | undefined {
  const stream = parseArn(target.stream);
  if (stream?.service !== 'kinesis' || !/^stream\/[^/]+$/.test(stream.resource)) return l10n.t('the resource of a job is a stream ARN, not "{0}"', target.stream);
  if (job === 'kcl-consumer') {
    const table = target.table ? parseArn(target.table) : undefined;
    if (!table) return l10n.t("a KCL consumer needs its lease table: give the table's ARN");
    if (table.service !== 'dynamodb' || !/^table\/[^/]+$/.test(table.resource)) return l10n.t('the lease table is a DynamoDB table ARN, not "{0}"', target.table ?? '');
  }
  return undefined;
}

/**
 * Every request the job makes, in the order of the statements that grant them: what the KCL, the
 * KPL or an enhanced fan-out consumer calls (see kinesis/kinesisFacts.ts), on the target's ARNs.
 */
export function jobRequests(job: AccessJob, target: JobTarget): JobRequest[] {
  const stream = parseArn(target.stream);
  const table = target.table ? parseArn(target.table) : undefined;
  if (!stream) return [];
  const params: TemplateParams = {
    ...PLACEHOLDER_PARAMS,
    partition: stream.partition,
    region: stream.region,
    account: stream.account,
    stream: stream.resource.slice('stream/'.length),
    application: table ? table.resource.slice('table/'.length) : PLACEHOLDER_PARAMS.application,
    consumer: consumerName(target.consumer),
  };
  const consumerArn = exactConsumer(target.stream, target.consumer);
  const requests: JobRequest[] = [];
  for (const statement of statementsFor(ROLE_OF[job], params, target.kclVersion ?? '3.x')) {
    const actions = typeof statement.Action === 'string' ? [statement.Action] : statement.Action;
    const resources = typeof statement.Resource === 'string' ? [statement.Resource] : statement.Resource;
    for (const resource of resources) {
      // The templates put the tables in the stream's region and account; the target's table says where it is.
      const written = table ? resource.replace(`:dynamodb:${stream.region}:${stream.account}:`, `:dynamodb:${table.region}:${table.account}:`) : resource;
      // A consumer known to its creation timestamp is one resource, not a pattern.
      const exact = consumerArn && written === `${target.stream}/consumer/${params.consumer}:*` ? consumerArn : written;
      for (const action of actions) requests.push({ action, resource: exact, literal: isLiteral(exact) });
    }
  }
  return mergeAlternatives(requests);
}

function consumerName(consumer: string | undefined): string {
  if (!consumer) return '*';
  const named = /\/consumer\/([^:/]+)/.exec(consumer)?.[1] ?? consumer;
  return named.replace(/:\d+$/, '');
}

/** The consumer's ARN, when the target says its creation timestamp. */
function exactConsumer(stream: string, consumer: string | undefined): string | undefined {
  if (!consumer) return undefined;
  if (consumer.startsWith('arn:')) return /:\d+$/.test(consumer) ? consumer : undefined;
  return /^[^:/]+:\d+$/.test(consumer) ? `${stream}/consumer/${consumer}` : undefined;
}

/**
 * Where a template grants both ways of describing a stream (the producer's, after the seed's
 * advice), a caller needs only one of them: DescribeStreamSummary, or DescribeStream instead.
 */
function mergeAlternatives(requests: JobRequest[]): JobRequest[] {
  const [older, newer] = DESCRIBE_ACTIONS;
  const has = (action: string, resource: string) => requests.some((r) => r.action === action && r.resource === resource);
  return requests
    .filter((r) => !(r.action === older && has(newer, r.resource)))
    .map((r) => (r.action === newer && has(older, r.resource) ? { ...r, alternatives: [older] } : r));
}
