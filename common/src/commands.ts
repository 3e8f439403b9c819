/**
 * The extension's command ids and the `source` of its diagnostics, named once for the client
 * that registers the commands and the language service whose code actions run them.
 */
export const COMMANDS = {
  newPolicy: 'kinesisPolicy.newPolicy',
  /** (uri, placeholder?, answers?): every placeholder of the document when none is named. */
  fillPlaceholders: 'kinesisPolicy.fillPlaceholders',
  /** (code?): the rule under the cursor, or a pick, when no code is given. */
  showRuleDocumentation: 'kinesisPolicy.showRuleDocumentation',
  restartServer: 'kinesisPolicy.restartServer',
  /** (question?): asks who, what, on which resource, when not given. */
  checkAccess: 'kinesisPolicy.checkAccess',
} as const;

/** The `source` of every diagnostic the server publishes. */
export const DIAGNOSTIC_SOURCE = 'kinesis-policy';
