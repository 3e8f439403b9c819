import type { Connection } from 'vscode-languageserver';
import { PolicyKindNotification, type PolicyKindStatus } from '../../common/src/protocol';
import type { DiagnosticSettings, PolicyModel, ValidationResult } from './service';

/** How a checked document was read, and what decided it, for the status bar. */
export function policyKindStatus(
  uri: string,
  result: ValidationResult,
  model: PolicyModel,
  decidedElsewhere: 'file pattern' | 'terraform' | undefined,
  settings: DiagnosticSettings,
): PolicyKindStatus {
  if (!result.kind) return { uri };
  const decidedBy = decidedElsewhere ?? (settings.policyKind !== 'auto' ? 'setting' : 'content');
  const onConsumer = model.statements.some((s) => s.resource?.values.some((r) => /:stream\/[^/]+\/consumer\//.test(r.value)));
  return {
    uri,
    kind: result.kind,
    decidedBy,
    ...(result.kind === 'kinesis-resource' ? { resource: onConsumer ? ('consumer' as const) : ('stream' as const) } : {}),
    ...(result.mayBeEndpointPolicy ? { mayBeEndpointPolicy: true } : {}),
  };
}

/** Tells the client how each document is read, when that changes. */
export class PolicyKindReporter {
  private readonly sent = new Map<string, string>();

  constructor(private readonly connection: Connection) {}

  report(status: PolicyKindStatus): void {
    const key = JSON.stringify(status);
    if (this.sent.get(status.uri) === key) return;
    this.sent.set(status.uri, key);
    void this.connection.sendNotification(PolicyKindNotification.type, status);
  }

  forget(uri: string): void {
    this.sent.delete(uri);
  }
}
