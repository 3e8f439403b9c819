import type { PieceText } from '../text/pieceText';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { PolicyModel } from '../policy/policyModel';
import type { TemplateSymbols } from './cloudformation/intrinsics';
import type { PolicyLocation } from './cloudformation/policyLocations';
import type { TemplateMap, TemplateNode } from './cloudformation/templateTree';
import type { ResourceBlock, YamlTree } from './cloudformation/yamlBlocks';
import type { OffsetMap } from './offsetMap';
import type { Steps } from '../steps';

/**
 * The host layer: finds the policies in a document that holds them (a CloudFormation or SAM
 * template in JSON or YAML, or CDK output) and gives each as a policy document of its own, which
 * every feature reads as it reads a policy file; `hostedFeatures.ts` maps the answers back.
 */
export interface EmbeddedPolicy extends PolicyLocation {
  /** The policy as a JSON document of its own (same URI as the template). */
  document: TextDocument;
  /** Its model, parsed when read (see `hostedModel`). */
  readonly model: PolicyModel;
  map: OffsetMap;
  /**
   * Whether the checks that judge a principal judge this policy alone: false for an identity
   * policy whose principal has other policies in the template (see `principals`).
   */
  judgedAlone: boolean;
  /** Whether it belongs only to Lambda functions' roles. */
  lambda: boolean;
  checked?: CheckedDiagnostics;
}

/**
 * The diagnostics of a view's last check, and what they were checked with (see `viewDiagnostics`):
 * the check's `runKey`, one string for every policy of the template, and the view's own key.
 */
export interface CheckedDiagnostics {
  run: string;
  memo: string;
  diagnostics: Diagnostic[];
}

/** The identity policies of one principal of the template, written as one policy for the checks that judge what it can do. */
export interface PrincipalView {
  /** `role ConsumerRole`. */
  label: string;
  policies: EmbeddedPolicy[];
  /** Its policies the template does not hold (see `PrincipalPolicies.unknown`). */
  unknown: string[];
  /** Whether it is a Lambda function's role. */
  lambda: boolean;
  document: TextDocument;
  /** Its model, parsed when read (see `hostedModel`). */
  readonly model: PolicyModel;
  map: OffsetMap;
  /** The template's node of each statement of `model`, by index. */
  statements: TemplateNode[];
  /**
   * Where each of its policies starts, as offset, line and character: a next version of the
   * template whose same policies start on the same lines and columns, all moved by as much, keeps
   * the view as it is (see `principalViews`).
   */
  places: readonly number[];
  checked?: CheckedDiagnostics;
}

export interface TemplateDocument {
  format: 'json' | 'yaml' | 'hcl';
  /** The template's text: made whole when first read (see PieceText); `source` reads a part of it. */
  readonly text: string;
  /** The same text, in pieces. */
  readonly source: PieceText;
  readonly root: TemplateMap;
  /**
   * Its resources and parameters. The nodes of a YAML template's resources may stand where they
   * stood before the last edit until `root` or `policies` is read: read positions through those.
   */
  symbols: TemplateSymbols;
  readonly policies: EmbeddedPolicy[];
  /**
   * The policies of the resource at an offset (all of them where the template is not read block
   * by block), where they are now: after an edit, completion and hover there read no other.
   */
  policiesAt(offset: number): EmbeddedPolicy[];
  /**
   * The principals with more than one identity policy in the template, or with policies it does
   * not hold. Read it before the policies' `judgedAlone` and `lambda`: it sets them.
   */
  readonly principals: PrincipalView[];
  /** `principals` if they have been read; a next version keeps those whose policies it keeps, where they were. */
  principalsRead(): readonly PrincipalView[] | undefined;
  /**
   * Works out, a few policies a step, what first reading `policies` and `principals` works out at
   * once: for a caller that pauses between steps (a large template holds thousands of policies).
   */
  prepareSteps(): Steps<void>;
  /** The template's principals a policy is attached to (logical ids); none for a resource-based policy. */
  owners(policy: EmbeddedPolicy): readonly string[];
  /** The names of the DynamoDB tables the template creates (unknown ones as `${LogicalId}`). */
  readonly tables: string[];
  /** Whether the template's own syntax is broken (YAML errors): edits then wait for it to be fixed. */
  broken: boolean;
  /** Where a Terraform file's syntax errors are (YAML's are the `yaml` library's to report). */
  syntaxErrors?: { start: number; end: number }[];
  /**
   * The policies of the part of a Terraform file around `start`, read again with `insert` in place
   * of `[start, end)` (the document is left as it is): what completion asks where no value is
   * written yet.
   */
  probe?(start: number, end: number, insert: string): EmbeddedPolicy[];
  /**
   * The policy files a Terraform file reads (`file("${path.module}/share.json")`), by their path
   * from the file's folder, and the kind of policy their use makes them.
   */
  policyFiles?: { path: string; kind: 'identity' | 'resource' | 'vpc-endpoint' }[];
  /** A Terraform file's own resources as a `Resource` names them: `aws_kinesis_stream.orders.arn`. */
  ownResources?: { text: string; detail: string; service: string }[];
  /** A YAML template's resource blocks and header, kept for the next version (see `yamlBlocks.ts`). */
  blocks?: ResourceBlock[];
  yamlHeader?: YamlTree['header'];
  yamlLayout?: YamlTree['layout'];
  /** What the intrinsic functions of its policies were read with (see `symbolsKey`). */
  symbolsKey: readonly string[];
}

/** What is read of one resource alone: kept with it while its text is unchanged (see `templateHost.ts`). */
export interface ResourceMemo {
  locations: PolicyLocation[];
  /** Its policies, read with the template's `symbolsKey` of when they were made. */
  policies?: EmbeddedPolicy[];
  /** Its part of `symbolsKey`. */
  key: string;
  /** What `TemplateSymbols` holds of it. */
  symbol: { type: string; properties: TemplateNode | undefined } | undefined;
}
