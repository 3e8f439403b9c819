import * as l10n from '@vscode/l10n';
import { getNodeValue, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { AccessQuestion } from '../../../../common/src/access';
import { ACCESS_JOBS, KCL_VERSIONS, isOneOf, type AccessJob } from '../../../../common/src/choices';
import { wildcardMatcher } from '../catalog/wildcard';
import type { RequestContext } from '../evaluation/conditions';
import { checkAccess, type AccessResult, type PolicyFile } from './checkAccess';
import { questionRequests, type JobRequest } from './jobs';

/**
 * Access tests: a `*.access.json` file says which policy files are attached to which principals
 * and resources, and what each principal must (or must not) be able to do.
 *
 * {"policies": {"identity": {"PRINCIPAL_ARN": ["FILE", ...]}, "resource": {"RESOURCE_ARN": ["FILE", ...]}},
 *  "tests": [{"name", "principal", "action" | "job", "resource", "context"?, "expect": "allowed" | "denied",
 *             "kclVersion"?, "table"?, "consumer"?}]}
 */
export interface AccessTest extends AccessQuestion {
  name: string;
  /** Where the test's object starts in the file. */
  offset: number;
  /** Where to point at the test: its name, or its opening brace. */
  label: { offset: number; length: number };
  expect: 'allowed' | 'denied';
}

export interface AccessTestFile {
  /** Policy files (as written, relative to the test file) by principal ARN and by resource ARN. */
  identity: ReadonlyMap<string, string[]>;
  resource: ReadonlyMap<string, string[]>;
  tests: AccessTest[];
}

/** What is wrong with a test file, and where. */
export interface AccessTestProblem {
  offset: number;
  length: number;
  message: string;
}

export interface AccessTestOutcome {
  test: AccessTest;
  passed: boolean;
  /** The answer to every request the test makes. */
  results: AccessResult[];
}

/** Reads a test file; its problems instead when it is not one. */
export function parseAccessTestFile(text: string): { file?: AccessTestFile; problems: AccessTestProblem[] } {
  const problems: AccessTestProblem[] = [];
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: false, disallowComments: false });
  const at = (node: Node | undefined, message: string) => problems.push({ offset: node?.offset ?? 0, length: node?.length ?? 0, message });
  // A file cut short or mistyped would otherwise run the tests it still has, and pass.
  if (errors.length > 0) {
    for (const e of errors) problems.push({ offset: e.offset, length: e.length, message: l10n.t('Not valid JSON: {0}.', printParseErrorCode(e.error)) });
    return { problems };
  }
  if (root?.type !== 'object') {
    at(root, l10n.t('An access-test file is an object with "policies" and "tests".'));
    return { problems };
  }
  const property = (object: Node, key: string) => object.children?.find((p) => p.children?.[0]?.value === key)?.children?.[1];
  const policies = property(root, 'policies');
  const maps = { identity: new Map<string, string[]>(), resource: new Map<string, string[]>() };
  for (const kind of ['identity', 'resource'] as const) {
    const node = policies?.type === 'object' ? property(policies, kind) : undefined;
    if (!node) continue;
    if (node.type !== 'object') {
      at(node, l10n.t('"policies.{0}" maps ARNs to lists of policy files.', kind));
      continue;
    }
    for (const entry of node.children ?? []) {
      const arn = String(entry.children?.[0]?.value);
      const files = getNodeValue(entry.children?.[1] as Node) as unknown;
      if (!Array.isArray(files) || !files.every((f) => typeof f === 'string')) at(entry.children?.[1], l10n.t('The policies of "{0}" are a list of file paths.', arn));
      else maps[kind].set(arn, files);
    }
  }
  const testsNode = property(root, 'tests');
  if (testsNode?.type !== 'array') {
    at(testsNode ?? root, l10n.t('"tests" is a list of tests.'));
    return { problems };
  }
  const tests: AccessTest[] = [];
  for (const node of testsNode.children ?? []) {
    const test = readTest(node, at);
    if (test) tests.push(test);
  }
  return { file: { identity: maps.identity, resource: maps.resource, tests }, problems };
}

/** The keys a test may have. */
const TEST_KEYS = ['name', 'principal', 'action', 'job', 'resource', 'table', 'consumer', 'kclVersion', 'context', 'expect'];

function readTest(node: Node, at: (node: Node | undefined, message: string) => void): AccessTest | undefined {
  const value = getNodeValue(node) as Record<string, unknown> | null;
  if (node.type !== 'object' || !value) {
    at(node, l10n.t('A test is an object: {"name", "principal", "action" or "job", "resource", "expect"}.'));
    return undefined;
  }
  const text = (key: string) => (typeof value[key] === 'string' ? (value[key]) : undefined);
  const name = text('name') ?? l10n.t('test at offset {0}', node.offset);
  const problem = (message: string) => {
    at(node, l10n.t('{0}: {1}', name, message));
    return undefined;
  };
  // A misspelt key ("Principal", "contxt") would otherwise change the question without a word.
  const unknown = Object.keys(value).find((k) => !TEST_KEYS.includes(k));
  if (unknown !== undefined) return problem(l10n.t('"{0}" is not a key of a test; a test has {1}.', unknown, TEST_KEYS.map((k) => `"${k}"`).join(', ')));
  const resource = text('resource');
  if (!resource) return problem(l10n.t('"resource" is the ARN the test asks about.'));
  if (resource !== '*' && !resource.startsWith('arn:')) return problem(l10n.t('"resource" is an ARN, not "{0}".', resource));
  const principal = text('principal');
  if (principal !== undefined && !/^\d{12}$/.test(principal) && !/^arn:[a-z-]+:(?:iam|sts)::\d{12}:/.test(principal)) {
    return problem(l10n.t('"principal" is a role, user or assumed-role ARN, or a 12-digit account id, not "{0}".', principal));
  }
  const expect = value.expect;
  if (expect !== 'allowed' && expect !== 'denied') return problem(l10n.t('"expect" is "allowed" or "denied".'));
  const action = text('action');
  const job = value.job;
  if ((action === undefined) === (job === undefined)) return problem(l10n.t('a test has an "action" or a "job", one of them.'));
  if (job !== undefined && !isOneOf(ACCESS_JOBS, job)) return problem(l10n.t('"job" is one of {0}.', ACCESS_JOBS.join(', ')));
  const kclVersion = value.kclVersion;
  if (kclVersion !== undefined && !isOneOf(KCL_VERSIONS, kclVersion)) return problem(l10n.t('"kclVersion" is one of {0}.', KCL_VERSIONS.join(', ')));
  const context = readContext(value.context);
  if (context === null) return problem(l10n.t('"context" maps condition keys to a value, a list of values, or null for a key the request lacks.'));
  const nameNode = node.children?.find((p) => p.children?.[0]?.value === 'name')?.children?.[1];
  const label = nameNode ? { offset: nameNode.offset, length: nameNode.length } : { offset: node.offset, length: 1 };
  const asked = action === undefined ? { job: job as AccessJob } : { actions: [action] };
  return { name, offset: node.offset, label, principal, ...asked, resource, table: text('table'), consumer: text('consumer'), kclVersion, context, expect };
}

function readContext(value: unknown): RequestContext | undefined | null {
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const context: Record<string, string | string[] | null> = {};
  for (const [key, v] of Object.entries(value)) {
    if (v === null) context[key] = null;
    else if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') context[key] = String(v);
    else if (Array.isArray(v) && v.every((x) => typeof x === 'string')) context[key] = v;
    else return null;
  }
  return context;
}

/**
 * Runs a test against the policies its file attaches: the principal's identity policies, and for
 * each request the resource policies of the ARNs that name its resource. `load` reads a policy file
 * (its path as the test file writes it).
 */
export function runAccessTest(file: AccessTestFile, test: AccessTest, load: (path: string) => PolicyFile): AccessTestOutcome {
  const requests = questionRequests(test);
  if (typeof requests === 'string') throw new Error(l10n.t('{0}: {1}', test.name, requests));
  const identity = (test.principal ? (file.identity.get(test.principal) ?? []) : []).map(load);
  const results = requests.flatMap((request) => {
    const attached = [...file.resource].filter(([arn]) => resourceNamed(arn, request)).flatMap(([, files]) => files.map(load));
    return checkAccess(identity, attached, { requests: [request], principal: test.principal, context: test.context });
  });
  const passed =
    test.expect === 'allowed'
      ? results.every((r) => r.decision === 'allowed')
      : results.some((r) => r.decision === 'explicitly-denied' || r.decision === 'implicitly-denied');
  return { test, passed, results };
}

/** Whether a resource policy attached to `arn` is one IAM evaluates for the request. */
function resourceNamed(arn: string, request: JobRequest): boolean {
  if (arn === request.resource || wildcardMatcher(arn)(request.resource)) return true;
  return !request.literal && wildcardMatcher(request.resource)(arn);
}
