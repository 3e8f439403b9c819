import { parseArn } from '../catalog/arn';
import {
  applicationOfTable,
  EFO_CONSUMER_ACTIONS,
  EFO_STREAM_ACTIONS,
  KCL3_EXTRA_TABLE_ACTIONS,
  KCL3_EXTRA_TABLE_SUFFIXES,
  KCL3_INDEX_ACTIONS,
  KCL_STREAM_ACTIONS,
  kinesisResourceNames,
  KMS_CONSUMER_ACTION,
  KMS_PRODUCER_ACTION,
  LEASE_TABLE_ACTIONS,
  METRICS_ACTION,
  PRODUCER_STREAM_ACTIONS,
  SHARED_CONSUMER_STREAM_ACTIONS,
  SHARED_READ_ACTIONS,
  SHARED_WRITE_ACTIONS,
  STREAM_ADMIN_ACCOUNT_ACTIONS,
  STREAM_ADMIN_ACTIONS,
} from '../kinesis/kinesisFacts';
import type { PolicyModel } from '../policy/policyModel';
import { nameProblem } from '../../../../common/src/names';
import { PLACEHOLDERS } from './placeholders';
import type { KclVersion, PolicyRole } from '../../../../common/src/choices';

/** A statement as it will be written into a policy. */
export interface StatementTemplate {
  Sid: string;
  Effect: 'Allow';
  Principal?: { AWS: string };
  Action: string[] | string;
  Resource: string[] | string;
}

/** The names a template fills in: from the user, from the document, or placeholders. */
export interface TemplateParams {
  partition: string;
  region: string;
  account: string;
  stream: string;
  application: string;
  consumer: string;
  /** The account a resource-based policy shares with. */
  otherAccount: string;
  /** A customer-managed KMS key id, when the stream is encrypted with one. */
  keyId?: string;
}

export const PLACEHOLDER_PARAMS: TemplateParams = {
  partition: 'aws',
  region: PLACEHOLDERS.region,
  account: PLACEHOLDERS.account,
  stream: PLACEHOLDERS.stream,
  application: PLACEHOLDERS.application,
  consumer: PLACEHOLDERS.consumer,
  otherAccount: PLACEHOLDERS.otherAccount,
};

/** Names taken from the document's ARNs (its first stream, its first DynamoDB table), placeholders for the rest. */
export function paramsFromPolicy(model: PolicyModel): TemplateParams {
  const params = { ...PLACEHOLDER_PARAMS };
  const values = model.statements.flatMap((s) => [...(s.resource?.values ?? []), ...(s.notResource?.values ?? [])]);
  for (const { value } of values) {
    const arn = parseArn(value);
    if (!arn || /[*?$]/.test(arn.resource)) continue;
    // Names Kinesis or DynamoDB would refuse are not copied into new statements (`nameProblem`).
    const stream = kinesisResourceNames(arn.resource);
    const table = /^table\/([^/]+)/.exec(arn.resource);
    const application = table ? applicationOfTable(table[1]) : undefined;
    if (arn.service === 'kinesis' && stream && params.stream === PLACEHOLDERS.stream) {
      params.partition = arn.partition;
      params.region = /^[a-z0-9-]+$/.test(arn.region) ? arn.region : params.region;
      params.account = /^\d{12}$/.test(arn.account) ? arn.account : params.account;
      params.stream = stream.stream;
      if (stream.consumer) params.consumer = stream.consumer;
    } else if (arn.service === 'dynamodb' && application && !nameProblem('application', application) && params.application === PLACEHOLDERS.application) {
      // KCL 3.x's extra tables are named after the application with a suffix.
      params.application = application;
    }
  }
  return params;
}

export function streamArn(p: TemplateParams): string {
  return `arn:${p.partition}:kinesis:${p.region}:${p.account}:stream/${p.stream}`;
}

/** The lease table's ARN, named after the application (or another table's name). */
export function tableArn(p: TemplateParams, table = p.application): string {
  return `arn:${p.partition}:dynamodb:${p.region}:${p.account}:table/${table}`;
}

function keyArn(p: TemplateParams): string {
  return `arn:${p.partition}:kms:${p.region}:${p.account}:key/${p.keyId ?? PLACEHOLDERS.keyId}`;
}

function allow(Sid: string, Action: readonly string[] | string, Resource: string[] | string, principal?: string): StatementTemplate {
  // One action is written as a string, as AWS's examples write it.
  const actions = typeof Action === 'string' ? Action : Action.length === 1 ? Action[0] : [...Action];
  return { Sid, Effect: 'Allow', ...(principal ? { Principal: { AWS: principal } } : {}), Action: actions, Resource };
}

/** The statements a role needs, for the given KCL version where it matters. */
export function statementsFor(role: PolicyRole, p: TemplateParams, kcl: KclVersion = '1.x'): StatementTemplate[] {
  const stream = streamArn(p);
  const otherRoot = `arn:${p.partition}:iam::${p.otherAccount}:root`;
  switch (role) {
    case 'producer':
      return [allow('KinesisProducer', PRODUCER_STREAM_ACTIONS, stream), ...kms(p, KMS_PRODUCER_ACTION, 'KinesisProducerKms')];
    case 'kcl-consumer':
      return [
        allow('KclStream', KCL_STREAM_ACTIONS[kcl], stream),
        ...(kcl === '1.x' ? [] : [allow('KclEnhancedFanOut', EFO_CONSUMER_ACTIONS, `${stream}/consumer/*`)]),
        allow('KclLeaseTable', LEASE_TABLE_ACTIONS[kcl], tableArn(p)),
        ...(kcl === '3.x'
          ? [allow('KclLeaseTableIndex', KCL3_INDEX_ACTIONS, `${tableArn(p)}/index/*`), allow('KclMetadataTables', KCL3_EXTRA_TABLE_ACTIONS, kcl3ExtraTables(p))]
          : []),
        allow('KclMetrics', METRICS_ACTION, '*'),
        ...kms(p, KMS_CONSUMER_ACTION, 'KclKms'),
      ];
    case 'efo-consumer':
      return [
        allow('EnhancedFanOutStream', EFO_STREAM_ACTIONS, stream),
        allow('EnhancedFanOutConsumer', EFO_CONSUMER_ACTIONS, `${stream}/consumer/${p.consumer}:*`),
        ...kms(p, KMS_CONSUMER_ACTION, 'EnhancedFanOutKms'),
      ];
    case 'cross-account-read':
      return [allow('CrossAccountRead', SHARED_READ_ACTIONS, stream, otherRoot)];
    case 'cross-account-write':
      return [allow('CrossAccountWrite', SHARED_WRITE_ACTIONS, stream, otherRoot)];
    case 'consumer-share-stream':
      return [allow('ShareConsumerStream', SHARED_CONSUMER_STREAM_ACTIONS, stream, otherRoot)];
    case 'consumer-share-consumer':
      return [allow('ShareConsumer', EFO_CONSUMER_ACTIONS, `${stream}/consumer/${p.consumer}:${PLACEHOLDERS.creationTimestamp}`, otherRoot)];
    case 'stream-admin':
      return [allow('StreamAdmin', STREAM_ADMIN_ACTIONS, `arn:${p.partition}:kinesis:${p.region}:${p.account}:stream/*`), allow('StreamAdminAccount', STREAM_ADMIN_ACCOUNT_ACTIONS, '*')];
  }
}

function kcl3ExtraTables(p: TemplateParams): string[] {
  return KCL3_EXTRA_TABLE_SUFFIXES.map((suffix) => tableArn(p, p.application + suffix));
}

function kms(p: TemplateParams, action: string, sid: string): StatementTemplate[] {
  return p.keyId ? [allow(sid, action, keyArn(p))] : [];
}

/** A whole policy document for a role. */
export function policyFor(role: PolicyRole, p: TemplateParams, kcl: KclVersion = '1.x'): { Version: string; Statement: StatementTemplate[] } {
  return { Version: '2012-10-17', Statement: statementsFor(role, p, kcl) };
}

/** Roles whose statements go in resource-based policies (with a principal). */
export function isResourcePolicyRole(role: PolicyRole): boolean {
  return role.startsWith('cross-account') || role.startsWith('consumer-share');
}
