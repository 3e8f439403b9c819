import { parseArgs as parseNodeArgs } from 'node:util';
import { ACCESS_JOBS, KCL_VERSIONS, type AccessJob, type KclVersion } from '../../../common/src/choices';
import type { RequestContext } from '../service/evaluation/conditions';
import { oneOf, usage, UsageError } from './usage';

export interface AccessOptions {
  format: 'text' | 'json';
  /** The actions asked about, or a job whose every request is asked about. */
  actions: string[];
  job?: AccessJob;
  kclVersion: KclVersion;
  resource: string;
  table?: string;
  consumer?: string;
  principal?: string;
  identityPolicies: string[];
  resourcePolicies: string[];
  context: RequestContext;
}

export interface AccessTestOptions {
  format: 'text' | 'json' | 'sarif';
  paths: string[];
}

const ACCESS_OPTIONS = {
  action: { type: 'string', multiple: true, default: [] as string[] },
  job: { type: 'string' },
  'kcl-version': { type: 'string', default: '3.x' },
  resource: { type: 'string' },
  table: { type: 'string' },
  consumer: { type: 'string' },
  principal: { type: 'string' },
  'identity-policy': { type: 'string', multiple: true, default: [] as string[] },
  'resource-policy': { type: 'string', multiple: true, default: [] as string[] },
  context: { type: 'string', multiple: true, default: [] as string[] },
  absent: { type: 'string', multiple: true, default: [] as string[] },
  format: { type: 'string', default: 'text' },
} as const;

/** `access`: what to ask, and of which policies. */
export function parseAccessArgs(args: readonly string[]): AccessOptions {
  const { values, positionals } = usage(() => parseNodeArgs({ args: [...args], options: ACCESS_OPTIONS, allowPositionals: true, strict: true }));
  if (positionals.length > 0) throw new UsageError(`access takes no file names without an option: "${positionals[0]}"; name policies with --identity-policy or --resource-policy.`);
  const actions = values.action;
  if (actions.length > 0 && values.job) throw new UsageError('Ask about --action or a --job, not both.');
  if (actions.length === 0 && !values.job) throw new UsageError('Name an --action (or several), or a --job.');
  for (const action of actions) {
    if (!/^[a-zA-Z0-9-]+:[a-zA-Z0-9]+$/.test(action)) throw new UsageError(`--action takes one action, service:Action, such as kinesis:GetRecords, not "${action}"; for all a job needs, use --job.`);
  }
  if (!values.resource) throw new UsageError('Name the --resource: the ARN the actions are on.');
  if (values.resource !== '*' && !values.resource.startsWith('arn:')) throw new UsageError(`--resource takes an ARN (or * for an action that takes none), not "${values.resource}".`);
  const principal = values.principal;
  if (principal !== undefined && !/^\d{12}$/.test(principal) && !/^arn:[a-z-]+:(?:iam|sts)::\d{12}:/.test(principal)) {
    throw new UsageError(`--principal takes a role, user or assumed-role ARN, or a 12-digit account id, not "${principal}".`);
  }
  if (values.job?.startsWith('cross-account') && principal === undefined) throw new UsageError(`--job ${values.job} asks for another account: give its --principal.`);
  return {
    format: oneOf('--format', values.format, ['text', 'json']),
    actions,
    job: values.job === undefined ? undefined : oneOf('--job', values.job, ACCESS_JOBS),
    kclVersion: oneOf('--kcl-version', values['kcl-version'], KCL_VERSIONS),
    resource: values.resource,
    table: values.table,
    consumer: values.consumer,
    principal,
    identityPolicies: values['identity-policy'],
    resourcePolicies: values['resource-policy'],
    context: contextOf(values.context, values.absent),
  };
}

/** `test`: the access-test files or folders to run. */
export function parseAccessTestArgs(args: readonly string[]): AccessTestOptions {
  const options = { format: { type: 'string', default: 'text' } } as const;
  const { values, positionals } = usage(() => parseNodeArgs({ args: [...args], options, allowPositionals: true, strict: true }));
  if (positionals.length === 0) throw new UsageError('Name at least one *.access.json file, or a folder of them.');
  return { format: oneOf('--format', values.format, ['text', 'json', 'sarif']), paths: positionals };
}

/** The request context of --context and --absent, which must not both name a key. */
function contextOf(pairs: readonly string[], absent: readonly string[]): RequestContext {
  const given = parseContext(pairs);
  const both = absent.find((key) => Object.keys(given).some((k) => k.toLowerCase() === key.toLowerCase()));
  if (both !== undefined) throw new UsageError(`${both} is given with --context and --absent: the request has it or not.`);
  return { ...given, ...Object.fromEntries(absent.map((key) => [key, null])) };
}

/** `KEY=VALUE` pairs; a key given twice has both values, as a multivalued key does in a request. */
export function parseContext(pairs: readonly string[]): RequestContext {
  const context: Record<string, string | string[]> = {};
  for (const pair of pairs) {
    const equals = pair.indexOf('=');
    if (equals <= 0) throw new UsageError(`--context takes KEY=VALUE, such as aws:SecureTransport=true, not "${pair}".`);
    const key = pair.slice(0, equals);
    const value = pair.slice(equals + 1);
    const before = context[key];
    context[key] = before === undefined ? value : [...(Array.isArray(before) ? before : [before]), value];
  }
  return context;
}

