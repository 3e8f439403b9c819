import { FIELD_PLACEHOLDERS, isSeparatorFree } from './resourceNames';

/**
 * ARNs: `arn:partition:service:region:account:resource`, and the `${Placeholder}` templates
 * the Service Authorization Reference gives for each resource type.
 */

export interface ArnParts {
  partition: string;
  service: string;
  region: string;
  account: string;
  /** Everything after the fifth colon, e.g. `stream/orders` or `table/app/index/*`. */
  resource: string;
}

/** The fields of an ARN, or undefined when `text` is not one. Reads up to the fifth colon only. */
export function parseArn(text: string): ArnParts | undefined {
  if (!text.startsWith('arn:')) return undefined;
  const c2 = fieldEnd(text, 4);
  const c3 = c2 < 0 ? -1 : fieldEnd(text, c2 + 1);
  const c4 = c3 < 0 ? -1 : fieldEnd(text, c3 + 1);
  const c5 = c4 < 0 ? -1 : fieldEnd(text, c4 + 1);
  if (c5 < 0) return undefined;
  return {
    partition: text.slice(4, c2),
    service: text.slice(c2 + 1, c3),
    region: text.slice(c3 + 1, c4),
    account: text.slice(c4 + 1, c5),
    resource: text.slice(c5 + 1),
  };
}

/**
 * The colon that ends the ARN field starting at `from`, or -1. A colon inside a variable is not one:
 * `${aws:PrincipalAccount}` (a policy variable), `${AWS::Region}` (a template's value).
 */
export function fieldEnd(text: string, from: number): number {
  // A loop, not a call per variable: a value of thousands of variables is no reason to overflow the stack.
  for (let at = from; ; ) {
    const colon = text.indexOf(':', at);
    const variable = text.indexOf('${', at);
    if (variable < 0 || colon < variable) return colon;
    const close = text.indexOf('}', variable);
    if (close < 0) return colon;
    at = close + 1;
  }
}

export interface ArnTemplate {
  readonly text: string;
  readonly placeholders: readonly string[];
  /** How many characters of the template are literal: the more, the more specific the match. */
  readonly literalLength: number;
  readonly regex: RegExp;
  /**
   * The template with its placeholders' names left out: the same resource type as another
   * service's data spells it (`sts:AssumeRole` takes IAM's role ARN, under its own names).
   */
  readonly shape: string;
}

const PLACEHOLDER = /\$\{([^}]+)\}/g;

export function compileArnTemplate(text: string): ArnTemplate {
  const service = parseArn(text)?.service ?? '';
  const placeholders: string[] = [];
  let source = '';
  let literalLength = 0;
  let last = 0;
  for (const match of text.matchAll(PLACEHOLDER)) {
    const literal = text.slice(last, match.index);
    source += escapeRegex(literal);
    literalLength += literal.length;
    placeholders.push(match[1]);
    // A field may be empty (S3 and IAM ARNs have no region); a name without separators may not.
    const name = match[1];
    source += FIELD_PLACEHOLDERS.has(name) ? '([^:]*)' : isSeparatorFree(service, name) ? '([^/:]+)' : '(.+?)';
    last = match.index + match[0].length;
  }
  const tail = text.slice(last);
  source += escapeRegex(tail);
  literalLength += tail.length;
  return { text, placeholders, literalLength, regex: new RegExp(`^${source}$`, 's'), shape: text.replace(PLACEHOLDER, '${}') };
}

/** The placeholder values when `arn` fits `template`, in template order. */
export function matchArnTemplate(template: ArnTemplate, arn: string): [string, string][] | undefined {
  const match = template.regex.exec(arn);
  if (!match) return undefined;
  return template.placeholders.map((name, i) => [name, match[i + 1]]);
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The AWS partitions: commercial, China, GovCloud (US), the isolated regions, the European Sovereign Cloud. */
export const PARTITIONS: readonly string[] = ['aws', 'aws-cn', 'aws-us-gov', 'aws-iso', 'aws-iso-b', 'aws-iso-e', 'aws-iso-f', 'aws-eusc'];

/** The known partitions a list of ARNs names, in their order (a value that is not an ARN names none). */
export function partitionsNamed(values: readonly { value: string }[]): string[] {
  return values.map((v) => parseArn(v.value)?.partition).filter((p): p is string => p !== undefined && PARTITIONS.includes(p));
}

/**
 * Each partition's region names, the most specific first, as the AWS SDKs' partition data
 * (`partitions.json`, its `regionRegex`) gives them: `cn-north-1` is in aws-cn, `us-gov-west-1`
 * in aws-us-gov, `us-east-1` in aws.
 */
const REGION_PARTITIONS: readonly [RegExp, string][] = [
  [/^cn-\w+-\d+$/, 'aws-cn'],
  [/^us-gov-\w+-\d+$/, 'aws-us-gov'],
  [/^us-isob-\w+-\d+$/, 'aws-iso-b'],
  [/^us-isof-\w+-\d+$/, 'aws-iso-f'],
  [/^us-iso-\w+-\d+$/, 'aws-iso'],
  [/^eu-isoe-\w+-\d+$/, 'aws-iso-e'],
  [/^eusc-de-\w+-\d+$/, 'aws-eusc'],
  [/^(?:us|eu|ap|sa|ca|me|af|il|mx)-\w+-\d+$/, 'aws'],
];

/** The partition a region is in, for a region name of a known shape. */
export function partitionOfRegion(region: string): string | undefined {
  return REGION_PARTITIONS.find(([shape]) => shape.test(region))?.[1];
}
