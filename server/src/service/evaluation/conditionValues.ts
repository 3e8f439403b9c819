import ipaddr from 'ipaddr.js';
import type { OperatorFamily } from '../catalog/conditionOperators';
import { caseSensitiveMatcher, wildcardMatcher } from '../catalog/wildcard';
import { templateValueIn } from '../templates/placeholders';

/**
 * The values condition operators compare, read as IAM reads them (IAM User Guide, "IAM JSON
 * policy elements: Condition operators"): what each family accepts in a policy, and how a
 * request's value compares with it. Shared by the condition checks and the evaluation core.
 */

/** A value written with a policy variable (`${aws:username}`) is only known at request time. */
export function hasPolicyVariable(value: string): boolean {
  return value.includes('${');
}

/** ISO 8601 as IAM takes it: a date, or a date and time with optional seconds, fraction and zone. */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
/** Epoch seconds (IAM accepts them in every date operator). */
const EPOCH = /^\d+$/;
const NUMBER = /^-?\d+(?:\.\d+)?$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Milliseconds since the epoch for a policy or request date, if it reads as one. */
export function parseDate(value: string): number | undefined {
  if (EPOCH.test(value)) return Number(value) * 1000;
  if (!ISO_DATE.test(value)) return undefined;
  const time = Date.parse(value.length === 10 ? `${value}T00:00:00Z` : /(?:Z|[+-]\d{2}:?\d{2})$/.test(value) ? value : `${value}Z`);
  return Number.isNaN(time) ? undefined : time;
}

export function parseNumber(value: string): number | undefined {
  return NUMBER.test(value) ? Number(value) : undefined;
}

/** An IPv4 or IPv6 address or CIDR range, as `IpAddress` takes it. */
export function parseCidr(value: string): [ipaddr.IPv4 | ipaddr.IPv6, number] | undefined {
  try {
    if (value.includes('/')) return ipaddr.parseCIDR(value);
    const address = ipaddr.parse(value);
    return [address, address.kind() === 'ipv4' ? 32 : 128];
  } catch {
    return undefined;
  }
}

/** An ARN as `Arn*` operators take it: six colon-separated fields, wildcards allowed in each. */
function isArnPattern(value: string): boolean {
  return value === '*' || (value.startsWith('arn:') && value.split(':').length >= 6);
}

/**
 * Whether a policy value fits an operator family. Values with policy variables fit the families
 * that allow them.
 */
export function valueFits(family: OperatorFamily, value: string): boolean {
  // A template's value (`!Ref Parameter`) is known only when the stack is deployed.
  if (templateValueIn(value)) return true;
  switch (family) {
    case 'Bool':
      return /^(?:true|false)$/i.test(value) || hasPolicyVariable(value);
    case 'Null':
      return /^(?:true|false)$/i.test(value);
    case 'Date':
      return parseDate(value) !== undefined;
    case 'Numeric':
      return parseNumber(value) !== undefined;
    case 'IPAddress':
      return parseCidr(value) !== undefined;
    case 'ARN':
      return isArnPattern(value) || hasPolicyVariable(value);
    case 'Binary':
      return BASE64.test(value);
    case 'String':
      return true;
  }
}

/** Whether a request's value matches one policy value under a (non-negated) operator base. */
export function valueMatches(base: string, policy: string, request: string): boolean | undefined {
  switch (base.replace('Not', '')) {
    case 'StringEquals':
      return policy === request;
    case 'StringEqualsIgnoreCase':
      return policy.toLowerCase() === request.toLowerCase();
    case 'StringLike':
      return caseSensitiveMatcher(policy)(request);
    case 'NumericEquals':
    case 'NumericLessThan':
    case 'NumericLessThanEquals':
    case 'NumericGreaterThan':
    case 'NumericGreaterThanEquals':
      return compare(base, parseNumber(policy), parseNumber(request));
    case 'DateEquals':
    case 'DateLessThan':
    case 'DateLessThanEquals':
    case 'DateGreaterThan':
    case 'DateGreaterThanEquals':
      return compare(base, parseDate(policy), parseDate(request));
    case 'Bool':
      return policy.toLowerCase() === request.toLowerCase();
    case 'BinaryEquals':
      return policy === request;
    case 'IpAddress': {
      const range = parseCidr(policy);
      const address = parseCidr(request)?.[0];
      if (!range || !address) return undefined;
      return address.kind() === range[0].kind() && address.match(range);
    }
    case 'ArnEquals':
    case 'ArnLike':
      return arnMatches(policy, request);
    default:
      return undefined;
  }
}

function compare(base: string, policy: number | undefined, request: number | undefined): boolean | undefined {
  if (policy === undefined || request === undefined) return undefined;
  if (base.endsWith('LessThanEquals')) return request <= policy;
  if (base.endsWith('LessThan')) return request < policy;
  if (base.endsWith('GreaterThanEquals')) return request >= policy;
  if (base.endsWith('GreaterThan')) return request > policy;
  return request === policy;
}

/** ARNs compare field by field, each with `*` and `?`; the service and partition without case. */
function arnMatches(policy: string, request: string): boolean {
  if (policy === '*') return true;
  const p = policy.split(':');
  const r = request.split(':');
  if (p.length < 6 || r.length < 6) return false;
  const pResource = p.slice(5).join(':');
  const rResource = r.slice(5).join(':');
  for (let i = 0; i < 5; i++) {
    const matches = i === 1 || i === 2 ? wildcardMatcher(p[i]) : caseSensitiveMatcher(p[i]);
    if (!matches(r[i])) return false;
  }
  return caseSensitiveMatcher(pResource)(rResource);
}
