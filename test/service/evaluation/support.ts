import { decideAccess, PolicyEvaluator, type AccessAnswer, type AccessRequest } from '../../../server/src/service/evaluation';
import { parsePolicy } from '../../../server/src/service/policy/parsePolicy';

export const ACCOUNT = '111122223333';
export const OTHER = '444455556666';
export const STREAM = `arn:aws:kinesis:us-east-1:${ACCOUNT}:stream/orders`;

/** A policy of these statements, `Effect: Allow` unless they say otherwise. */
export function policyText(...statements: Record<string, unknown>[]): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: statements.map((s) => ({ Effect: 'Allow', ...s })) });
}

export function evaluator(text: string, kind: 'identity' | 'resource' = 'identity', source = `${kind}.json`): PolicyEvaluator {
  return new PolicyEvaluator({ model: parsePolicy(text), kind, source });
}

/** The decision for one request against identity policies and resource policies. */
export function decide(identity: string[], resource: string[], request: Partial<AccessRequest> & { action: string }): AccessAnswer {
  return decideAccess(
    identity.map((t, i) => evaluator(t, 'identity', `identity-${i}.json`)),
    resource.map((t, i) => evaluator(t, 'resource', `resource-${i}.json`)),
    { resource: STREAM, ...request },
  );
}

/** The decision alone, for one identity policy. */
export function decision(text: string, action: string, resource = STREAM): string {
  return decide([text], [], { action, resource }).decision;
}
