import { fieldEnd } from '../../catalog/arn';
import { PLACEHOLDERS, templateValueIn } from '../../templates/placeholders';
import { UNKNOWN } from './intrinsics';

/**
 * A string the product writes into a template (a statement it inserts, a value a fix rewrites):
 * an ARN's region and account placeholders become the stack's own (`${AWS::Region}`,
 * `${AWS::AccountId}`), and a string that holds such values is written as a `!Sub`, where IAM's
 * own variables are escaped (`${!aws:username}`), so that CloudFormation fills in what the checks
 * read (CloudFormation User Guide, "Fn::Sub"). Undefined for a value that stands for something
 * not known here (`${unknown}`): it cannot be written back.
 */
export function templateString(value: string): { text: string; sub: boolean } | undefined {
  if (value.includes(UNKNOWN)) return undefined;
  const text = value.startsWith('arn:') ? stackValues(value) : value;
  if (!templateValueIn(text)) return { text, sub: false };
  // In a !Sub, `${name}` is the template's; IAM's variables (`${aws:username}`) are written `${!...}`.
  return { text: text.replace(/\$\{([^}!:]+:[^}:][^}]*)\}/g, (match, name: string) => (name.includes('::') ? match : `\${!${name}}`)), sub: true };
}

/** The region and account fields of an ARN, where they are placeholders, as the stack's. */
function stackValues(arn: string): string {
  const c2 = fieldEnd(arn, 4);
  const c3 = c2 < 0 ? -1 : fieldEnd(arn, c2 + 1);
  const c4 = c3 < 0 ? -1 : fieldEnd(arn, c3 + 1);
  const c5 = c4 < 0 ? -1 : fieldEnd(arn, c4 + 1);
  if (c5 < 0) return arn;
  const region = arn.slice(c3 + 1, c4);
  const account = arn.slice(c4 + 1, c5);
  return (
    arn.slice(0, c3 + 1) +
    (region === PLACEHOLDERS.region ? '${AWS::Region}' : region) +
    ':' +
    (account === PLACEHOLDERS.account ? '${AWS::AccountId}' : account) +
    arn.slice(c5)
  );
}

/**
 * JSON text written into a JSON template, with each complete string value that holds the stack's
 * values made an `Fn::Sub` (keys and other strings are left as they are). Undefined where a value
 * cannot be written back.
 */
export function templateJson(text: string): string | undefined {
  let unwritable = false;
  const written = text.replace(/"(?:[^"\\\n]|\\.)*"(\s*:)?/g, (literal: string, colon: string | undefined) => {
    if (colon) return literal;
    let value: unknown;
    try {
      value = JSON.parse(literal);
    } catch {
      return literal;
    }
    if (typeof value !== 'string') return literal;
    const string = templateString(value);
    if (!string) {
      unwritable = true;
      return literal;
    }
    return string.sub ? `{ "Fn::Sub": ${JSON.stringify(string.text)} }` : JSON.stringify(string.text);
  });
  return unwritable ? undefined : written;
}
