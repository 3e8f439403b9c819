// `npm run demo [-- --port N]`: code-server on 127.0.0.1 with the packaged extension installed and
// a fresh copy of examples/ open, until Ctrl+C. Each start packages and installs the current
// sources afresh, and copies the examples again: code-server saves as you type, and what the demo
// changes stays out of the repository.
import { cpSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { remoteUri, workbenchUrl } from './browser.mjs';
import { buildForE2E } from './build.mjs';
import { installExtension, prepareState, startCodeServer } from './codeServer.mjs';
import { e2eDir, root, step, vsixPath } from './env.mjs';
import { setup } from './setup.mjs';

const { values } = parseArgs({ options: { port: { type: 'string', default: process.env.PORT ?? '8080' } } });
const port = Number(values.port);
try {
  await assertFree(port);
} catch (error) {
  // One line, not a stack trace: the fix is in the message.
  console.error(`demo: ${error.message}`);
  process.exit(1);
}

await setup();
await buildForE2E({ development: false });
const stateDir = join(e2eDir, 'demo');
// Check Access in the examples: which identity policy belongs to which role.
prepareState(stateDir, {
  'kinesisPolicy.access.identityPolicies': {
    'arn:aws:iam::444455556666:role/order-analytics': ['cross-account/order-analytics.json'],
    'arn:aws:iam::111122223333:role/order-writer': ['cross-account/order-writer.json'],
  },
});
const examples = join(e2eDir, 'demo-examples');
rmSync(examples, { recursive: true, force: true });
cpSync(join(root, 'examples'), examples, { recursive: true });
installExtension(stateDir, vsixPath);
const server = await startCodeServer({ stateDir, port });
// Ctrl+C is how the demo ends: the signal handler stops code-server and exits with this code.
process.exitCode = 0;

// The workbench opens one file from the URL: the CloudFormation template with its planted
// mistakes. The Terraform configuration and the cross-account access tests (run as they are
// edited) are named for the user to open.
const template = join(examples, 'templates', 'orders-consumer.yaml');
const opened = [['openFile', remoteUri(server, template)]];
console.log(`\nKinesis Policy demo: ${workbenchUrl(server, examples, opened)}`);
console.log(`It opens a copy of examples/ in ${examples}, made afresh at each start: edit freely.`);
console.log('It opens on templates/orders-consumer.yaml; open terraform/kinesis.tf beside it, and cross-account/orders.access.json for the access tests.');
console.log('Open a policy, a template or a .tf file, hover an action, type after "kinesis:", or run Kinesis Policy: Check Access. Ctrl+C stops it.\n');
const code = await server.exited;
if (!server.stopping) {
  step(`code-server exited by itself (${code}); its log: ${join(stateDir, 'code-server.log')}`);
  process.exitCode = 1;
}

/** code-server would fail later, and less clearly, on a port that is taken. */
function assertFree(port) {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', () => reject(new Error(`127.0.0.1:${port} is in use: pass another with \`npm run demo -- --port N\``)));
    probe.listen(port, '127.0.0.1', () => probe.close(resolve));
  });
}
