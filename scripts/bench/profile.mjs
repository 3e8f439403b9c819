// Where our server's time goes: `node scripts/bench/profile.mjs [size|template|terraform] [all|validation|typing]`
// (default 2MB all; `template` is the 1 MB YAML template, `terraform` the 1 MB Terraform file).
// Bundles server/src with a source map into bench/tmp/profile (dist/ is left alone), runs it under
// `node --cpu-prof`, drives the heavy cases over stdio (open, edits with the debounce at 0,
// completions right after edits), then prints the functions that took the time, by their place
// in server/src or node_modules.
import * as esbuild from 'esbuild';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { performance } from 'node:perf_hooks';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchDocument, benchTemplate, SIZES } from './documents.mjs';
import { benchTerraform } from './terraformDocument.mjs';
import { LspSession, sleep } from './lspDriver.mjs';
import { kinesisPolicyServer } from './servers.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const out = join(root, 'bench', 'tmp', 'profile');
const size = ['template', 'terraform'].includes(process.argv[2]) ? process.argv[2] : SIZES.find((s) => s.name === (process.argv[2] ?? '2MB'));
const scenario = process.argv[3] ?? 'all';
if (!size || !['all', 'validation', 'typing'].includes(scenario)) {
  throw new Error(`Usage: profile.mjs [${SIZES.map((s) => s.name).join('|')}|template|terraform] [all|validation|typing]`);
}
if (!existsSync(join(root, 'dist', 'data'))) throw new Error('dist/data is missing: npm run build first');

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
await esbuild.build({
  absWorkingDir: root,
  entryPoints: ['server/src/main.ts'],
  outfile: join(out, 'server.js'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  mainFields: ['module', 'main'],
  define: { SERVER_VERSION: '"profile"' },
  sourcemap: 'linked',
  logLevel: 'warning',
});
cpSync(join(root, 'dist', 'data'), join(out, 'data'), { recursive: true });
for (const wasm of ['tree-sitter.wasm', 'tree-sitter-terraform.wasm']) cpSync(join(root, 'dist', wasm), join(out, wasm));

const document = size === 'template' ? benchTemplate() : size === 'terraform' ? benchTerraform() : benchDocument(size);
const server = kinesisPolicyServer(join(out, 'server.js'));
const session = LspSession.spawn(server, ['--cpu-prof', `--cpu-prof-dir=${out}`, '--cpu-prof-interval=200']);
await session.initialize(server);
await server.prepare(session);
const { uri } = document;
let from = session.published.length;
await session.open(uri, document.text, document.languageId);
await session.nextPublish((p) => p.version === 1, from);
await server.pureValidation(session);
await session.nextPublish((p) => p.version === 1, from + 1);
console.log(`Opened ${document.name}; peak memory so far ${session.peakMemoryMb()?.toFixed(0)} MB`);
const sid = document.sidEnd;
for (let i = 0; i < (scenario === 'typing' ? 0 : 6); i++) {
  from = session.published.length;
  const range = i % 2 ? { start: sid, end: { ...sid, character: sid.character + 1 } } : { start: sid, end: sid };
  const version = await session.change(uri, range, i % 2 ? '' : 'x');
  await session.nextPublish((p) => p.version === version, from);
}
// Completions right after edits, with the debounce back at its default so validations do not interleave.
await server.changeSettings(session, {});
const cursor = document.completion;
const completions = [];
for (let i = 0; i < (scenario === 'validation' ? 0 : 40); i++) {
  const typed = i % 2 === 0;
  const range = typed ? { start: cursor, end: cursor } : { start: cursor, end: { ...cursor, character: cursor.character + 1 } };
  await session.change(uri, range, typed ? 'G' : '');
  const start = performance.now();
  await session.completion(uri, typed ? { ...cursor, character: cursor.character + 1 } : cursor);
  completions.push(performance.now() - start);
}
if (completions.length > 0) console.log(`Completion right after an edit, p50 ${completions.sort((a, b) => a - b)[completions.length >> 1].toFixed(1)} ms (profiled)`);
await sleep(server.debounceMs + 100);
console.log(`Peak memory ${session.peakMemoryMb()?.toFixed(0)} MB`);
await session.stop();

const profileFile = readdirSync(out).find((f) => f.endsWith('.cpuprofile'));
report(JSON.parse(readFileSync(join(out, profileFile), 'utf8')), new SourceMap(JSON.parse(readFileSync(join(out, 'server.js.map'), 'utf8'))));

/** Self and total time per function, named by its original source file and line. */
function report(profile, map) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const where = (frame) => {
    if (!frame.url.endsWith('server.js')) return frame.url ? relative(root, frame.url.replace('file://', '')) || frame.url : '(native)';
    const entry = map.findEntry(frame.lineNumber, frame.columnNumber);
    if (!entry?.originalSource) return 'server.js';
    const source = relative(root, resolve(out, entry.originalSource.replace('file://', '')));
    return `${source}:${entry.originalLine + 1}`;
  };
  const label = (n) => `${n.callFrame.functionName || '(anonymous)'}  ${where(n.callFrame)}`;
  const self = new Map();
  const total = new Map();
  const deltas = profile.timeDeltas;
  profile.samples.forEach((id, i) => {
    const dt = (deltas[i + 1] ?? deltas[i] ?? 0) / 1000;
    const leaf = byId.get(id);
    self.set(label(leaf), (self.get(label(leaf)) ?? 0) + dt);
    const seen = new Set();
    for (let n = leaf; n; n = byId.get(parent.get(n.id))) {
      const l = label(n);
      if (seen.has(l)) continue;
      seen.add(l);
      total.set(l, (total.get(l) ?? 0) + dt);
    }
  });
  const all = [...self.values()].reduce((a, b) => a + b, 0);
  const idle = self.get('(idle)  (native)') ?? 0;
  const print = (title, map, filter, count) => {
    console.log(`\n${title}`);
    for (const [name, t] of [...map].filter(([n]) => filter(n)).sort((a, b) => b[1] - a[1]).slice(0, count)) {
      console.log(`${t.toFixed(0).padStart(7)} ms  ${((100 * t) / (all - idle)).toFixed(1).padStart(5)}%  ${name}`);
    }
  };
  console.log(`\nProfile: ${(all / 1000).toFixed(1)} s, of which busy ${((all - idle) / 1000).toFixed(1)} s`);
  print('Self time (busy)', self, (n) => !n.startsWith('(idle)') && !n.startsWith('(program)'), 25);
  print('Total time, server/src functions', total, (n) => n.includes('server/src/'), 25);
  print('Total time, library functions', total, (n) => n.includes('node_modules/'), 15);
}
