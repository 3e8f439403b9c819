// The two servers measured side by side, and what each needs to start as it does in VS Code.
import { join } from 'node:path';

/**
 * Ours, from the snapshot of the built bundle (see run.mjs), started as the README tells other
 * editors to: `node --max-semi-space-size=4 server.js --stdio`. In VS Code the server's worker
 * thread gets the same young generation from the client (`resourceLimits`).
 */
export function kinesisPolicyServer(serverJs) {
  return {
    key: 'ours',
    name: 'kinesis-policy',
    command: ['--max-semi-space-size=4', serverJs],
    // The default of `kinesisPolicy.validate.delay`.
    debounceMs: 150,
    /** It pulls its settings once initialized: answer the defaults and wait until it has asked. */
    async prepare(session) {
      session.settings = {};
      await session.until(() => session.configurationRequests > 0, 'the settings request');
    },
    /** Sets the debounce to 0; the server pulls the settings again and revalidates its documents. */
    pureValidation: (session) => changeSettings(session, { validate: { delay: 0 } }),
    changeSettings,
  };
}

/** Changes our settings as VS Code does: it says they changed, the server pulls them. */
async function changeSettings(session, settings) {
  const asked = session.configurationRequests;
  session.settings = settings;
  await session.pushSettings(null);
  await session.until(() => session.configurationRequests > asked, 'the settings request');
}

/**
 * VS Code's JSON language server, from `vscode-langservers-extracted`, as VS Code starts it for
 * a `.json` file that no schema claims. Without the `textDocument.diagnostic` capability it pushes
 * diagnostics, each a fixed 500 ms after the last change.
 */
export function jsonLanguageServer(root) {
  return {
    key: 'json',
    name: 'vscode-json-languageserver',
    command: [join(root, 'node_modules', 'vscode-langservers-extracted', 'bin', 'vscode-json-language-server')],
    initializationOptions: { provideFormatter: false, handledSchemaProtocols: ['file'] },
    debounceMs: 500,
    /** VS Code pushes the `json` settings and the schema associations of its extensions; none matches. */
    async prepare(session) {
      await session.pushSettings({ json: { validate: { enable: true }, format: { enable: false }, schemas: [] }, http: {} });
      await session.notify('json/schemaAssociations', []);
      // Both are notifications: a request answered after them shows they have been handled.
      await session.hover('file:///bench/none.json', { line: 0, character: 0 });
    },
  };
}
