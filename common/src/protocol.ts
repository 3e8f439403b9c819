import { NotificationType, RequestType, type Diagnostic, type TextEdit } from 'vscode-languageserver-protocol';
import type { AccessQuestion, AccessResult } from './access';
import type { KclVersion, PolicyRole } from './choices';
import type { NameKind } from './names';

/**
 * Requests the extension adds to LSP, declared once for the client and the server.
 */
export interface NewPolicyParams {
  role: PolicyRole;
  kclVersion?: KclVersion;
  partition?: string;
  region?: string;
  account?: string;
  stream?: string;
  application?: string;
  consumer?: string;
  otherAccount?: string;
  /** A customer-managed KMS key id: adds the KMS permissions an encrypted stream needs. */
  keyId?: string;
}

export interface NewPolicyResult {
  /** The policy document, formatted with two-space indentation. */
  text: string;
}

/** Renders a whole policy for a role, for the New Policy command. */
export const NewPolicyRequest = {
  method: 'kinesisPolicy/newPolicy',
  type: new RequestType<NewPolicyParams, NewPolicyResult, void>('kinesisPolicy/newPolicy'),
} as const;

/** Where to look for names already in use: the texts of the workspace's other policy files. */
export interface KnownNamesParams {
  /** The document being filled in, whose own names come first. */
  uri?: string;
  /** Texts of policy files the client found in the workspace (the server also reads its open documents). */
  texts: string[];
}

export interface PlaceholderInfo {
  /** The placeholder as written, e.g. `STREAM_NAME` or `<stream-name>`. */
  name: string;
  kind: NameKind;
  /** How many times the document writes it. */
  count: number;
}

export interface KnownNamesResult {
  /** Names in use, by kind, the document's own and the most used first. */
  names: Partial<Record<NameKind, string[]>>;
  /** The placeholders the document (`uri`) still has, in order. */
  placeholders: PlaceholderInfo[];
}

/** Names the document and the workspace already use, and the document's placeholders. */
export const KnownNamesRequest = {
  method: 'kinesisPolicy/knownNames',
  type: new RequestType<KnownNamesParams, KnownNamesResult, void>('kinesisPolicy/knownNames'),
} as const;

export interface FillPlaceholdersParams {
  uri: string;
  /** The document version the values were asked for: a changed document gets no edits. */
  version: number;
  /** Placeholder text to its value. */
  values: Record<string, string>;
}

/** The edits that write the values wherever the placeholders are (values that do not fit are left out). */
export const FillPlaceholdersRequest = {
  method: 'kinesisPolicy/fillPlaceholders',
  type: new RequestType<FillPlaceholdersParams, TextEdit[], void>('kinesisPolicy/fillPlaceholders'),
} as const;

/**
 * What the user told New Policy about a document that its text cannot say. Kept for the
 * document's path, so a policy saved under the name it was offered keeps it.
 */
export interface DocumentAnswers {
  uri: string;
  /** Whether the stream is encrypted with a customer-managed KMS key. */
  streamEncrypted: boolean;
}

export const DocumentAnswersNotification = {
  method: 'kinesisPolicy/documentAnswers',
  type: new NotificationType<DocumentAnswers>('kinesisPolicy/documentAnswers'),
} as const;

/** How the editor indents a document (its tab size and spaces or tabs), for the edits made in it. */
export interface EditorIndentation {
  uri: string;
  tabSize: number;
  insertSpaces: boolean;
}

/** Sent when a policy's editor shows or its indentation changes: inserted statements follow it, as snippets do. */
export const EditorIndentationNotification = {
  method: 'kinesisPolicy/editorIndentation',
  type: new NotificationType<EditorIndentation>('kinesisPolicy/editorIndentation'),
} as const;

/** How the server reads a document, for the status bar. */
export interface PolicyKindStatus {
  uri: string;
  /** Undefined when the document is not read as a policy (or checks are off): nothing is shown. */
  kind?: 'identity' | 'kinesis-resource' | 'other-resource' | 'vpc-endpoint';
  /** What decided it. */
  decidedBy?: 'content' | 'setting' | 'file pattern' | 'terraform';
  /** For a Kinesis resource policy: whether it is on a stream or a registered consumer. */
  resource?: 'stream' | 'consumer';
  /** Read as a Kinesis resource policy, it could as well be a VPC endpoint policy. */
  mayBeEndpointPolicy?: boolean;
}

/** Sent after a check when how the document is read changed. */
export const PolicyKindNotification = {
  method: 'kinesisPolicy/policyKind',
  type: new NotificationType<PolicyKindStatus>('kinesisPolicy/policyKind'),
} as const;

/** A policy file the client read, for the access checker: its URI and text. */
export interface PolicySource {
  uri: string;
  text: string;
}

/** An access question, with the policies the client read for it. */
export interface CheckAccessParams extends AccessQuestion {
  identityPolicies: PolicySource[];
  resourcePolicies: PolicySource[];
}

export interface CheckAccessResult {
  /** Each request's answer; its statements name their policies by URI. */
  answers: AccessResult[];
  /** Why the question could not be asked (a job without its table...), or files that are not policies. */
  problems: string[];
  /** Edits that add what no policy allows: to the principal's policy, and across accounts to the resource's. */
  fixes: { uri: string; title: string; edits: TextEdit[] }[];
}

/** Answers an access question from the policies the client read (see server/src/service/access). */
export const CheckAccessRequest = {
  method: 'kinesisPolicy/checkAccess',
  type: new RequestType<CheckAccessParams, CheckAccessResult, void>('kinesisPolicy/checkAccess'),
} as const;

export interface RunAccessTestsParams {
  /** The access-test file and its text. */
  uri: string;
  text: string;
  /** The policy files it names, by the path it writes, as the client read them (missing: unreadable). */
  policies: Record<string, string>;
}

/** Runs an access-test file: its problems and failing tests as diagnostics on it. */
export const RunAccessTestsRequest = {
  method: 'kinesisPolicy/runAccessTests',
  type: new RequestType<RunAccessTestsParams, { diagnostics: Diagnostic[]; passed: number; failed: number }, void>('kinesisPolicy/runAccessTests'),
} as const;
