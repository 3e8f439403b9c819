import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentCache } from './documentCache';
import { PendingReads } from './pendingReads';
import { isTerraform, PieceDocument, textLength, type PolicyLanguageService, type PolicyModel, type TemplateDocument } from './service';

/** What a document holds for the features: a template's policies, or the document read as a policy. */
export type Host = { template: TemplateDocument } | { policy: PolicyModel };

/** From this size a document just opened is read in steps, and requests on it wait for that (a 64 KB template takes about 60 ms to read). */
const READ_IN_STEPS_FROM = 64 * 1024;

/**
 * The open documents as the features read them: each version read once, as a policy or as a
 * template (CloudFormation, SAM, CDK output, Terraform), and kept for the next version to be made
 * from (see `DocumentCache`). Validation reads a document in steps; a request on a large document
 * just opened waits for that reading rather than doing it at once (see `PendingReads`).
 */
export class DocumentHosts {
  readonly models: DocumentCache<PolicyModel>;
  private readonly templates: DocumentCache<TemplateDocument | undefined>;
  private readonly reads = new PendingReads();

  /**
   * `terraform`: whether Terraform files can be read (the HCL grammar is loaded when the first one
   * is seen: `loadTerraform` starts that). `tooLarge`: documents that are not read at all.
   */
  constructor(
    private readonly service: PolicyLanguageService,
    private readonly terraform: { ready: () => boolean; load: () => void },
    private readonly tooLarge: (document: TextDocument) => boolean,
  ) {
    this.models = new DocumentCache<PolicyModel>(
      (document) => service.parsePolicy(document),
      (previous, document) => service.updatePolicy(previous, document),
    );
    this.templates = new DocumentCache<TemplateDocument | undefined>(
      (document) => service.parseTemplate(document, isYamlOrTerraform(document) ? undefined : this.models.get(document)),
      // A YAML template's or Terraform file's next version keeps the resources an edit did not touch.
      (previous, document) => (previous ? service.updateTemplate(previous, document) : undefined),
    );
  }

  /** The document read as it is now, at once. */
  hostOf(document: TextDocument): Host | undefined {
    if (isYamlOrTerraform(document)) {
      if (isTerraform(document) && !this.terraform.ready()) {
        this.terraform.load();
        return undefined;
      }
      const template = this.templates.get(document);
      return template && { template };
    }
    const policy = this.models.get(document);
    const template = policy.isPolicy ? undefined : this.templates.get(document);
    return template ? { template } : { policy };
  }

  /** `hostOf` in steps, for validation: a large policy or template is read a part at a time. */
  *hostSteps(document: TextDocument): Generator<void, Host | undefined, void> {
    const { uri, version } = document;
    try {
      // Where its lines start, which the check's first finding reads, a part at a time too.
      if (document instanceof PieceDocument) yield* document.readLines();
      const yamlOrTerraform = isYamlOrTerraform(document);
      const policy = yamlOrTerraform ? undefined : yield* this.models.getSteps(document, (d) => this.service.parsePolicySteps(d));
      if ((yamlOrTerraform && (!isTerraform(document) || this.terraform.ready())) || (policy && !policy.isPolicy)) {
        yield* this.templates.getSteps(document, (d) => this.service.parseTemplateSteps(d, policy));
      }
      return this.hostOf(document);
    } finally {
      // Read, given up or failed: the requests waiting for it go on.
      this.reads.end(uri, version);
    }
  }

  /** A document opened or changed: one just opened, and large, is to be read by its validation. */
  changed(document: TextDocument): void {
    const fresh = !this.models.has(document.uri) && !this.templates.has(document.uri);
    if (fresh && textLength(document) >= READ_IN_STEPS_FROM && !this.tooLarge(document)) this.reads.expect(document.uri, document.version);
    else this.reads.end(document.uri);
  }

  /** A Terraform file to be read again now that the grammar is loaded. */
  readAgain(document: TextDocument): void {
    this.templates.delete(document.uri);
    this.changed(document);
  }

  closed(uri: string): void {
    this.reads.end(uri);
    this.models.delete(uri);
    this.templates.delete(uri);
  }

  /** Waits for the reading of this version of the document under way, if any. */
  ready(document: TextDocument): Promise<void> {
    return this.reads.ready(document.uri, document.version);
  }
}

function isYamlOrTerraform(document: TextDocument): boolean {
  return document.languageId === 'yaml' || isTerraform(document);
}
