import { RequestType } from 'vscode-languageserver-protocol';
import type { KclVersion, PolicyRole } from './choices';

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
