import { checkAccess } from '../../../access/checkAccess';
import type { JobRequest } from '../../../access/jobs';
import type { EmbeddedPolicy, TemplateDocument } from '../../hostModel';
import { unknownPolicies } from '../principals';
import { attributeOf } from '../intrinsics';

/**
 * What the template's principals may do, by their identity policies in the template, decided by
 * the evaluation core: the requests a principal cannot make. A principal's policies outside the
 * template (`unknown`) may grant more; the checks say so.
 */
export class PrincipalAccess {
  constructor(private readonly template: TemplateDocument) {}

  /**
   * The requests the principal's policies in the template do not allow, or explicitly deny; with
   * the resource's own policy (a key policy), as IAM decides within an account: either may allow.
   */
  denied(principal: string, requests: readonly JobRequest[], resourcePolicies: readonly EmbeddedPolicy[] = []): JobRequest[] {
    const arn = resourcePolicies.length > 0 ? this.arnOf(principal) : undefined;
    return this.deniedBy(this.template.policies.filter((p) => this.template.owners(p).includes(principal)), requests, arn ? resourcePolicies : [], arn);
  }

  /** The requests these policies together do not allow, or explicitly deny. */
  deniedBy(policies: readonly EmbeddedPolicy[], requests: readonly JobRequest[], resourcePolicies: readonly EmbeddedPolicy[] = [], principal?: string): JobRequest[] {
    const files = (list: readonly EmbeddedPolicy[]) => list.map((p) => ({ file: `${p.resource} ${p.path}`, model: p.model }));
    const answers = checkAccess(files(policies), files(resourcePolicies), { requests, ...(principal ? { principal } : {}) });
    return requests.filter((_r, i) => answers[i].decision === 'implicitly-denied' || answers[i].decision === 'explicitly-denied');
  }

  /** The principal's ARN as the template's policies name it: a role's or user's, or a SAM function's own role (`FnRole`). */
  private arnOf(principal: string): string | undefined {
    const type = this.template.symbols.resources.get(principal)?.type;
    if (type === 'AWS::IAM::Role' || type === 'AWS::IAM::User') return attributeOf(principal, 'Arn', this.template.symbols);
    return type === 'AWS::Serverless::Function' ? `arn:\${AWS::Partition}:iam::\${AWS::AccountId}:role/\${${principal}Role}` : undefined;
  }

  /** Whether the principal's policies in the template allow the request. */
  allows(principal: string, action: string, resource: string): boolean {
    const files = this.template.policies.filter((p) => this.template.owners(p).includes(principal)).map((p) => ({ file: p.resource, model: p.model }));
    return files.length > 0 && checkAccess(files, [], { requests: [{ action, resource, literal: false }] })[0].decision === 'allowed';
  }

  /** The principal's policies the template does not hold. */
  unknown(principal: string): string[] {
    return unknownPolicies(principal, this.template.symbols);
  }

  /** The template's principals with identity policies in it. */
  principals(): string[] {
    return [...new Set(this.template.policies.flatMap((p) => this.template.owners(p)))];
  }
}
