import { checkAccess } from '../../../access/checkAccess';
import type { JobRequest } from '../../../access/jobs';
import type { EmbeddedPolicy, TemplateDocument } from '../../templateHost';
import { unknownPolicies } from '../principals';

/**
 * What the template's principals may do, by their identity policies in the template, decided by
 * the evaluation core: the requests a principal cannot make. A principal's policies outside the
 * template (`unknown`) may grant more; the checks say so.
 */
export class PrincipalAccess {
  constructor(private readonly template: TemplateDocument) {}

  /** The requests the principal's policies in the template do not allow, or explicitly deny. */
  denied(principal: string, requests: readonly JobRequest[]): JobRequest[] {
    return this.deniedBy(this.template.policies.filter((p) => p.owners.includes(principal)), requests);
  }

  /** The requests these policies together do not allow, or explicitly deny. */
  deniedBy(policies: readonly EmbeddedPolicy[], requests: readonly JobRequest[]): JobRequest[] {
    const files = policies.map((p) => ({ file: `${p.resource} ${p.path}`, model: p.model }));
    const answers = checkAccess(files, [], { requests });
    return requests.filter((_r, i) => answers[i].decision === 'implicitly-denied' || answers[i].decision === 'explicitly-denied');
  }

  /** Whether the principal's policies in the template allow the request. */
  allows(principal: string, action: string, resource: string): boolean {
    const files = this.template.policies.filter((p) => p.owners.includes(principal)).map((p) => ({ file: p.resource, model: p.model }));
    return files.length > 0 && checkAccess(files, [], { requests: [{ action, resource, literal: false }] })[0].decision === 'allowed';
  }

  /** The principal's policies the template does not hold. */
  unknown(principal: string): string[] {
    return unknownPolicies(principal, this.template.symbols);
  }

  /** The template's principals with identity policies in it. */
  principals(): string[] {
    return [...new Set(this.template.policies.flatMap((p) => p.owners))];
  }
}
