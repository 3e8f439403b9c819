import { readFileSync } from 'node:fs';
import { checkAccess, policyFile, questionRequests, type AccessResult, type PolicyFile } from '../service/access';
import type { IamCatalog } from '../service';
import { nearest } from '../service/diagnostics/helpers/suggest';
import { UsageError } from './usage';
import type { AccessOptions } from './accessArgs';

/** A policy file that cannot be used: it does not exist, is not JSON, or is not an IAM policy. */
export class PolicyFileError extends Error {}

/** Reads and parses a policy file named on the command line or in an access-test file. */
export function readPolicyFile(file: string, shown = file): PolicyFile {
  let text: string;
  try {
    text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    throw new PolicyFileError(`cannot read ${shown}: ${(error as Error).message}`);
  }
  const policy = policyFile(shown, text);
  if (typeof policy === 'string') throw new PolicyFileError(policy);
  return policy;
}

/** `kinesis-policy access`: prints the answers; the exit status is 0 only when every request is allowed. */
export function runAccess(options: AccessOptions, write: (text: string) => void, catalog: IamCatalog): number {
  // An action the IAM data does not have is a typo to fix, not a request to answer.
  for (const action of options.actions ?? []) {
    if (catalog.action(action)) continue;
    const colon = action.indexOf(':');
    const service = catalog.service(action.slice(0, colon));
    const suggestion = service ? nearest(action.slice(colon + 1), service.actions.map((a) => a.name)) : undefined;
    throw new UsageError(`--action: ${action} is not an action in the IAM data (${catalog.dataDate}).${suggestion ? ` Did you mean ${service?.prefix}:${suggestion}?` : ''}`);
  }
  const requests = questionRequests(options);
  if (typeof requests === 'string') throw new PolicyFileError(requests);
  const identity = options.identityPolicies.map((f) => readPolicyFile(f));
  const resource = options.resourcePolicies.map((f) => readPolicyFile(f));
  const results = checkAccess(identity, resource, { requests, principal: options.principal, context: options.context });
  write(options.format === 'json' ? `${JSON.stringify({ results: results.map(resultJson) }, null, 2)}\n` : formatAccessText(results));
  return results.every((r) => r.decision === 'allowed') ? 0 : 1;
}

/** The JSON of one answer, in the shape the command line promises. */
export function resultJson(result: AccessResult): Record<string, unknown> {
  return {
    action: result.action,
    resource: result.resource,
    decision: result.decision,
    statements: result.statements.map((s) => ({ file: s.file, line: s.line, sid: s.sid ?? null, effect: s.effect })),
  };
}

/** What an answer says, and for a request across accounts which half is missing. */
function said(r: AccessResult): string {
  switch (r.decision) {
    case 'allowed':
      return 'allowed';
    case 'explicitly-denied':
      return 'DENIED by an explicit Deny';
    case 'conditional':
      return 'DEPENDS on conditions or names the request leaves open';
    case 'implicitly-denied': {
      if (!r.crossAccount) return 'NOT ALLOWED: no statement allows it';
      const allows = (policy: 'identity' | 'resource') => r.statements.some((s) => s.effect === 'Allow' && s.policy === policy);
      if (allows('identity')) return "NOT ALLOWED: the resource's policy does not allow this principal (across accounts both must)";
      if (allows('resource')) return "NOT ALLOWED: the principal's own policies do not allow it (across accounts both must)";
      return 'NOT ALLOWED: neither the principal\'s policies nor the resource\'s allow it';
    }
  }
}

/** The answers for a person: one line per request, the deciding statements under it. */
export function formatAccessText(results: readonly AccessResult[], indent = ''): string {
  const lines: string[] = [];
  for (const r of results) {
    const or = r.alternatives?.length ? ` (or ${r.alternatives.join(', ')})` : '';
    lines.push(`${indent}${r.action}${or} on ${r.resource}: ${said(r)}`);
    for (const s of r.statements) {
      const sid = s.sid ? ` "${s.sid}"` : '';
      lines.push(`${indent}  ${s.effect}${sid} at ${s.file}:${s.line} (${s.policy} policy${s.conditional ? ', only under conditions or for some of what is asked' : ''})`);
      for (const condition of s.conditions ?? []) lines.push(`${indent}    when ${condition}`);
    }
  }
  const allowed = results.filter((r) => r.decision === 'allowed').length;
  lines.push(`${indent}${allowed} of ${results.length} allowed.`);
  return `${lines.join('\n')}\n`;
}
