import type { IamCatalog } from './iamCatalog';
import type { ResourceTypeInfo } from './serviceEntry';
import { fieldEnd, parseArn } from './arn';
import { isSeparatorFree } from './resourceNames';
import { templateValueIn } from '../templates/placeholders';
import { hasWildcard } from './wildcard';

/**
 * Whether a `Resource` entry can name a resource of one of the given types. A plain ARN names
 * the type whose template fits it best (a consumer ARN is not a stream ARN); an ARN with `*` or
 * `?` covers every type whose template it could match (`stream/*` covers consumers too).
 */
export function resourceFitsTypes(catalog: IamCatalog, resource: string, types: readonly ResourceTypeInfo[]): boolean {
  if (resource === '*') return true;
  return describedFitsTypes(resource, hasWildcard(resource) ? undefined : catalog.describeArn(resource)?.resourceType, types);
}

/**
 * The same for an entry other than `*` whose resource type, if it has no wildcard, is known
 * (`describeArn`). The action's types may live in other services' data: `sts:AssumeRole` takes
 * `arn:aws:iam::ACCOUNT:role/NAME`, `ssm:StartSession` EC2 instances, `kafka-cluster:*` Kafka ARNs.
 */
export function describedFitsTypes(resource: string, resourceType: ResourceTypeInfo | undefined, types: readonly ResourceTypeInfo[]): boolean {
  if (!hasWildcard(resource)) {
    // The type the ARN names in its own service, which another service's data may spell with
    // other placeholder names; else any of the action's templates it fits, though a narrower type
    // fits it better: a Lambda action on `function` takes a qualified `function:NAME:ALIAS` too.
    if (resourceType && types.some((t) => t.template.shape === resourceType.template.shape)) return true;
    return types.some((t) => t.template.regex.test(resource));
  }
  for (const type of types) if (globsIntersect(resource, templateGlob(type))) return true;
  return false;
}

/** In template globs: a run of characters other than `/` and `:`, i.e. one name or ARN field. */
const SEGMENT = '\u0001';
const globCache = new Map<string, string>();

/** `arn:${Partition}:kinesis:...:stream/${StreamName}` as a glob: placeholders become wildcards. */
export function templateGlob(type: ResourceTypeInfo): string {
  let glob = globCache.get(type.template.text);
  if (glob === undefined) {
    const service = parseArn(type.template.text)?.service ?? '';
    glob = type.template.text.replace(/\$\{([^}]+)\}/g, (_p, name: string) => (isSeparatorFree(service, name) ? SEGMENT : '*'));
    globCache.set(type.template.text, glob);
  }
  return glob;
}

/**
 * An ARN holding policy variables or a template's values (`${aws:username}`, `${AWS::Region}`) as
 * a glob of what it may be: a variable that is a whole field of the ARN's header (partition,
 * service, region, account) takes no `:` or `/`, as those fields have none; elsewhere it is any
 * text. So `arn:${AWS::Partition}:dynamodb:...:table/x` still is no IAM role.
 */
export function variablesAsGlob(text: string): string {
  if (!text.includes('${')) return text;
  const header = text.startsWith('arn:');
  // The ARN field each variable is in, counted on as the variables come in order (counting from
  // the start for each was quadratic in a value of thousands of variables); past the fifth colon
  // every variable is in the resource.
  let field = 0;
  let colon = header ? fieldEnd(text, 0) : -1;
  return text.replace(/\$\{[^}]*\}/g, (variable: string, at: number) => {
    if (!header) return '*';
    for (; field < 5 && colon >= 0 && colon < at; colon = fieldEnd(text, colon + 1)) field++;
    const whole = text[at - 1] === ':' && text[at + variable.length] === ':';
    if (whole && field >= 1 && field <= 4) return SEGMENT;
    // A template's value after a `/` or `:` of the resource is a name (`stream/${Orders}`), which
    // holds neither; IAM's own variables (`${aws:username}`) may hold anything.
    return field >= 5 && (text[at - 1] === '/' || text[at - 1] === ':') && templateValueIn(variable) ? SEGMENT : '*';
  });
}

const intersectCache = new Map<string, boolean>();
const INTERSECT_CACHE_LIMIT = 10_000;
const MAX_GLOB_LENGTH = 2048;

/**
 * Whether some string matches both IAM wildcard patterns (`*` any run, `?` one character, and
 * in template globs a segment wildcard that takes no `/` or `:`): reachability in the product
 * of the two patterns' automata.
 */
export function globsIntersect(a: string, b: string): boolean {
  // No ARN is this long (AWS limits them to 2,048 characters): say they may meet rather than
  // walk a product of millions of states.
  if (a.length > MAX_GLOB_LENGTH || b.length > MAX_GLOB_LENGTH) return true;
  const key = `${a}\u0000${b}`;
  const cached = intersectCache.get(key);
  if (cached !== undefined) return cached;
  const result = intersect(a, b);
  if (intersectCache.size >= INTERSECT_CACHE_LIMIT) intersectCache.clear();
  intersectCache.set(key, result);
  return result;
}

function intersect(a: string, b: string): boolean {
  const width = b.length + 1;
  const seen = new Uint8Array((a.length + 1) * width);
  const stack: number[] = [0];
  seen[0] = 1;
  const push = (i: number, j: number) => {
    const state = i * width + j;
    if (!seen[state]) {
      seen[state] = 1;
      stack.push(state);
    }
  };
  while (stack.length > 0) {
    const state = stack.pop()!;
    const i = Math.floor(state / width);
    const j = state % width;
    if (i === a.length && j === b.length) return true;
    const x = a[i];
    const y = b[j];
    const xStar = x === '*' || x === SEGMENT;
    const yStar = y === '*' || y === SEGMENT;
    if (xStar) push(i + 1, j); // a's wildcard matches nothing more
    if (yStar) push(i, j + 1); // b's wildcard matches nothing more
    if (i < a.length && j < b.length) {
      if (xStar && !yStar && takes(x, y)) push(i, j + 1); // a's wildcard takes b's character
      else if (yStar && !xStar && takes(y, x)) push(i + 1, j); // b's wildcard takes a's character
      else if (!xStar && !yStar && (x === '?' || y === '?' || x === y)) push(i + 1, j + 1);
    }
  }
  return false;
}

/** Whether a wildcard can take a character (`?` stands for some character it can take). */
function takes(wildcard: string, ch: string): boolean {
  return wildcard === '*' || (ch !== '/' && ch !== ':');
}

/** What an ARN with wildcards can name: the resource types it can match, and the parts it fixes. */
export interface ArnPatternInfo {
  /** The types whose template the pattern can match, most specific first. */
  types: ResourceTypeInfo[];
  /** The placeholders of the most specific type, with the text the pattern gives each, as far as it fixes them. */
  variables: [string, string][];
}

/**
 * Reads an ARN pattern (`arn:aws:kinesis:*:111122223333:stream/orders/consumer/*`) against the
 * templates of its service: the types it can match, and, for the most specific, the value of each
 * placeholder up to the first one the wildcard stands in (`StreamName` is `orders`; `ConsumerName`
 * is `*`).
 */
export function describeArnPattern(catalog: IamCatalog, text: string): ArnPatternInfo | undefined {
  const service = parseArn(text)?.service;
  const entry = service && !hasWildcard(service) ? catalog.service(service) : undefined;
  if (!entry) return undefined;
  const types = entry.resourceTypes.filter((t) => globsIntersect(text, templateGlob(t))).sort((a, b) => b.template.literalLength - a.template.literalLength);
  if (types.length === 0) return { types, variables: [] };
  return { types, variables: placeholderValues(types[0].template.text, text) };
}

/** Walks the template and the pattern together while the pattern's text is known. */
function placeholderValues(template: string, pattern: string): [string, string][] {
  const parts = template.split(/(\$\{[^}]+\})/).filter((p) => p !== '');
  const values: [string, string][] = [];
  let at = 0;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (!part.startsWith('${')) {
      if (!pattern.startsWith(part, at)) break;
      at += part.length;
      continue;
    }
    const next = parts[i + 1];
    const end = next === undefined ? pattern.length : pattern.indexOf(next, at);
    const value = pattern.slice(at, end < 0 ? pattern.length : end);
    const wild = hasWildcard(value);
    values.push([part.slice(2, -1), wild ? value.slice(0, value.search(/[*?]/) + 1) : value]);
    if (wild || end < 0) break;
    at = end;
  }
  return values;
}
