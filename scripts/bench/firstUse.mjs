// First use of many services: a new server, warmed on a Kinesis policy, then opens a policy that
// names thirty other services (`"Action": ["a2c:*", ...]`), whose catalogs it has not loaded, and
// one allowing `"Action": "*"`. Open to diagnostics, in fresh servers each time.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LspSession, ms, now } from './lspDriver.mjs';

/** The services the server loads at start: the others are read the first time a policy names them. */
const LOADED_AT_START = new Set(['kinesis', 'dynamodb', 'cloudwatch', 'kms']);

function policies(dataDir) {
  const index = JSON.parse(readFileSync(join(dataDir, 'index.json'), 'utf8'));
  const others = index.services.map((s) => s[0]).filter((prefix) => !LOADED_AT_START.has(prefix)).slice(0, 30);
  const policy = (action) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: action, Resource: '*' }] }, null, 2);
  return { thirtyServices: policy(others.map((p) => `${p}:*`)), allActions: policy('*') };
}

/** Open to diagnostics (ms) of each case, `runs` fresh servers each. */
export async function measureFirstUse(server, dataDir, runs = 5) {
  const cases = policies(dataDir);
  const out = { thirtyServicesMs: [], allActionsMs: [] };
  for (let run = 0; run < runs; run++) {
    for (const [name, text] of Object.entries(cases)) {
      const session = LspSession.spawn(server);
      try {
        await session.initialize(server);
        await server.prepare(session);
        let from = session.published.length;
        await session.open('file:///bench/warm.json', policy('kinesis:GetRecords'), 'json');
        await session.nextPublish((p) => p.uri === 'file:///bench/warm.json', from);
        from = session.published.length;
        const t = now();
        await session.open('file:///bench/first-use.json', text, 'json');
        const published = await session.nextPublish((p) => p.uri === 'file:///bench/first-use.json', from);
        out[`${name}Ms`].push(ms(t, published.at));
      } finally {
        await session.stop();
      }
    }
  }
  return out;
}

function policy(action) {
  return JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: action, Resource: '*' }] });
}
