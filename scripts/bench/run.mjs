// `npm run bench`: the Kinesis policy server and VS Code's JSON server, side by side on the same
// documents, with the jsonc-parser parse as the floor. See docs/benchmarks.md.
//
//   npm run bench                    package (production build + .vsix), then 3 runs of every size
//   npm run bench -- --runs 5        more runs
//   npm run bench -- --no-build      measure dist/ and the .vsix as they are
//   npm run bench -- --quick         one short run; results go to bench/tmp/, not bench/results.json
//   npm run bench -- --sizes 1KB,20KB   some sizes only (add `template` for the 1 MB YAML template,
//                                    `terraform` for the 1 MB Terraform file)
//   npm run bench -- --report-only   print and rewrite the tables from bench/results.json
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchDocument, benchTemplate, SIZES } from './documents.mjs';
import { benchTerraform } from './terraformDocument.mjs';
import { measureHostParse } from './hostParse.mjs';
import { measureFirstUse } from './firstUse.mjs';
import { ms, now } from './lspDriver.mjs';
import { measureSession, SAMPLES } from './measure.mjs';
import { measureParseFloor } from './parseFloor.mjs';
import { jsonLanguageServer, kinesisPolicyServer } from './servers.mjs';
import { median } from './stats.mjs';
import { summarize } from './summarize.mjs';
import { artifactSizes, cpuTimes, machine, nodeStartupMs, sourceState, stealFraction, waitForQuiet } from './environment.mjs';
import { printReport, writeReport } from './report.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

function parseArgs(argv) {
  const options = { runs: 3, build: true, quick: false, sizes: SIZES.map((s) => s.name) };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--no-build') options.build = false;
    else if (arg === '--quick') options.quick = true;
    else if (arg === '--report-only') options.reportOnly = true;
    else if (arg === '--runs') options.runs = Number(argv[++i]);
    else if (arg === '--sizes') options.sizes = argv[++i].split(',');
    else throw new Error(`Unknown option ${arg}; see the top of scripts/bench/run.mjs`);
  }
  if (options.quick) options.runs = 1;
  if (!(options.runs >= 1 && options.runs <= 20)) throw new Error('--runs takes 1 to 20');
  return options;
}

/** Builds what ships (minified bundles, the .vsix) with the project's own script. */
function buildPackage() {
  console.log('Packaging: npm run package (production build and .vsix)...');
  const result = spawnSync('npm', ['run', 'package'], { cwd: root, encoding: 'utf8', shell: process.platform === 'win32' });
  if (result.status !== 0) {
    process.stderr.write(result.stdout + result.stderr);
    throw new Error('npm run package failed');
  }
  const packaged = /Packaged: .*/.exec(result.stdout)?.[0];
  if (packaged) console.log(`  ${packaged}`);
}

/**
 * Copies the built server and its data to bench/tmp/dist: a rebuild of dist/ while the
 * benchmark runs (tests rebuild it) cannot change what is measured halfway.
 */
function snapshotServer() {
  const from = join(root, 'dist');
  if (!existsSync(join(from, 'server.js'))) throw new Error('dist/server.js is missing: run without --no-build, or npm run build');
  const to = join(root, 'bench', 'tmp', 'dist');
  rmSync(to, { recursive: true, force: true });
  mkdirSync(to, { recursive: true });
  cpSync(join(from, 'server.js'), join(to, 'server.js'));
  cpSync(join(from, 'data'), join(to, 'data'), { recursive: true });
  // The HCL grammar, loaded from beside the server.
  for (const wasm of ['tree-sitter.wasm', 'tree-sitter-terraform.wasm']) cpSync(join(from, wasm), join(to, wasm));
  return join(to, 'server.js');
}

/** Renders the last full run again: after a change to the report or to the prose around the tables. */
function reportOnly() {
  const results = JSON.parse(readFileSync(join(root, 'bench', 'results.json'), 'utf8'));
  printReport(results);
  console.log(`\nWrote ${writeReport(root, results, { scratch: false }).join(', ')}.`);
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (options.reportOnly) return reportOnly();
  const started = now();
  const loadAtStart = os.loadavg().map((n) => Math.round(n * 100) / 100);
  const source = sourceState(root);
  const cpuAtStart = cpuTimes();
  if (options.build) buildPackage();
  const artifacts = artifactSizes(root);
  const serverJs = snapshotServer();
  const servers = [kinesisPolicyServer(serverJs), jsonLanguageServer(root)];
  const sizes = SIZES.filter((s) => options.sizes.includes(s.name));
  const samples = options.quick ? SAMPLES.quick : SAMPLES.full;

  console.log('Generating documents...');
  const documents = sizes.map(benchDocument);
  for (const d of documents) console.log(`  ${d.name.padEnd(6)} ${d.bytes} bytes, ${d.statements} statements`);
  // The YAML template: ours alone (VS Code's JSON server reads no YAML), unless only some sizes are asked for.
  // The YAML template and the Terraform file likewise (no peer reads either).
  const some = options.sizes.length < SIZES.length;
  const templates = [...(!some || options.sizes.includes('template') ? [benchTemplate()] : []), ...(!some || options.sizes.includes('terraform') ? [benchTerraform()] : [])];
  for (const d of templates) console.log(`  ${d.name} ${d.bytes} bytes, ${d.resources} resources, ${d.statements} statements`);

  const floor = Object.fromEntries(documents.map((d) => [d.name, []]));
  // Waiting for a quiet machine is capped over the whole run, which must stay within minutes.
  let waitBudgetMs = 45_000;
  const quietEnough = async () => {
    const quiet = await waitForQuiet({ maxWaitMs: Math.min(15_000, waitBudgetMs) });
    waitBudgetMs = Math.max(0, waitBudgetMs - quiet.waitedMs);
    return quiet;
  };
  await quietEnough();
  const startup = nodeStartupMs(5);
  const sessions = [];
  for (let run = 1; run <= options.runs; run++) {
    // The floor, in this process, each run: a busy spell cannot skew it more than the servers.
    await quietEnough();
    for (const d of documents) floor[d.name].push(...measureParseFloor(d.text, 600));
    console.log(`Run ${run}/${options.runs}  parse floor: ${documents.map((d) => `${d.name} ${median(floor[d.name]).toFixed(2)} ms`).join(', ')}`);
    for (const document of documents) {
      // Alternate which server goes first, so neither always meets a warmer machine.
      const order = (run + documents.indexOf(document)) % 2 ? servers : [...servers].reverse();
      for (const server of order) {
        process.stdout.write(`Run ${run}/${options.runs}  ${document.name.padEnd(6)} ${server.name.padEnd(28)}`);
        const quiet = await quietEnough();
        const t = now();
        const session = await measureSession(server, document, samples);
        sessions.push({ run, machineBusyBefore: quiet.busy, ...session });
        const busy = quiet.busy > 0.3 ? `  (started on a busy machine: ${(quiet.busy * 100).toFixed(0)}% CPU)` : '';
        console.log(` ${(ms(t) / 1000).toFixed(1)} s${quiet.waitedMs >= 1000 ? `, after waiting ${(quiet.waitedMs / 1000).toFixed(1)} s for a quiet machine` : ''}${busy}`);
      }
    }
    for (const document of templates) {
      process.stdout.write(`Run ${run}/${options.runs}  ${document.name.padEnd(6)} ${servers[0].name.padEnd(28)}`);
      const quiet = await quietEnough();
      const t = now();
      sessions.push({ run, machineBusyBefore: quiet.busy, ...(await measureSession(servers[0], document, samples)) });
      console.log(` ${(ms(t) / 1000).toFixed(1)} s`);
    }
  }

  // Each host's parse, against the floor: measured once, after the servers, on a quiet machine.
  await quietEnough();
  const hostParse = await measureHostParse(templates);
  // First use of many services, in fresh servers.
  await quietEnough();
  const firstUse = await measureFirstUse(servers[0], join(dirname(serverJs), 'data'), options.quick ? 2 : 5);
  console.log(`First use of thirty services: ${median(firstUse.thirtyServicesMs).toFixed(1)} ms; "Action": "*": ${median(firstUse.allActionsMs).toFixed(1)} ms`);
  const results = {
    generated: new Date().toISOString(),
    quick: options.quick,
    runs: options.runs,
    machine: { ...machine(), stealFraction: stealFraction(cpuAtStart, cpuTimes()) },
    loadAtStart,
    source,
    nodeStartupMs: startup,
    artifacts,
    samples,
    ...summarize({ documents, templates, servers, sessions, floor, hostParse, firstUse }),
    totalSeconds: ms(started) / 1000,
  };
  printReport(results);
  const written = writeReport(root, results, { scratch: options.quick || options.sizes.length < SIZES.length });
  console.log(`\nWrote ${written.join(', ')} in ${results.totalSeconds.toFixed(0)} s.`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
