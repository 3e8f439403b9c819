// The side-by-side tables, printed and written: bench/results.json keeps every figure and raw
// sample; docs/benchmarks.md gets the tables between its `results` markers, so that the prose
// around them (what the figures mean, why a target is missed) survives a new run.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkTargets } from './targets.mjs';
import { median } from './stats.mjs';

const START = '<!-- results:start (written by npm run bench) -->';
const END = '<!-- results:end -->';

const num = (v, digits) => (v === undefined || v === null || Number.isNaN(v) ? '–' : v.toFixed(digits));
/** Milliseconds with the precision they deserve. */
export const fmtMs = (v) => (v === undefined ? '–' : num(v, v < 10 ? 2 : v < 100 ? 1 : 0));
const fmtRatio = (a, b) => (a === undefined || b === undefined || !(b > 0) ? '–' : `${num(a / b, a / b < 10 ? 2 : 1)}x`);
const fmtBytes = (v) => (v === undefined ? '–' : v >= 1024 * 1024 ? `${num(v / 1024 / 1024, 2)} MB` : `${num(v / 1024, 1)} KB`);

const HEADER = ['Figure', 'kinesis-policy', 'JSON server', 'Parse floor', 'Ours / JSON', 'Ours / floor'];

/** One row: a label and ours, JSON server and floor values; the ratios are computed here. */
function row(label, ours, json, floor, format = fmtMs) {
  return [label, format(ours), format(json), floor === undefined ? '' : fmtMs(floor), fmtRatio(ours, json), floor === undefined ? '' : fmtRatio(ours, floor)];
}

function sizeRows(results, size) {
  const o = results.figures.ours?.[size];
  const j = results.figures.json?.[size];
  const floor = results.floor[size]?.p50;
  const count = (v) => (v === undefined ? '–' : String(Math.round(v)));
  const mb = (v) => (v === undefined ? '–' : num(v, 0));
  return [
    row('Open to first diagnostics', o?.openToDiagnosticsMs, j?.openToDiagnosticsMs, floor),
    row('Edit to diagnostics, wall with debounce, p50', o?.editToDiagnosticsMs.p50, j?.editToDiagnosticsMs.p50, floor),
    row('  the same, p95', o?.editToDiagnosticsMs.p95, j?.editToDiagnosticsMs.p95, undefined),
    row(`  less the debounce (${o?.debounceMs} / ${j?.debounceMs} ms)`, o?.editWorkMs, j?.editWorkMs, floor),
    row('Edit to diagnostics, debounce 0 (validation), p50', o?.pureValidationMs?.p50, undefined, floor),
    row('  the same, p95', o?.pureValidationMs?.p95, undefined, undefined),
    row('  p50 less an empty request\'s round trip', o?.validationWorkMs, undefined, floor),
    row('Burst of 5 edits 50 ms apart: validations', o?.burstValidations.max, j?.burstValidations.max, undefined, count),
    row('  burst: last edit to diagnostics', o?.burstLastEditToDiagnosticsMs, j?.burstLastEditToDiagnosticsMs, undefined),
    // No parse is needed for an unchanged version: the floor does not apply.
    row('Completion, no edit before, p50', o?.completionMs.p50, j?.completionMs.p50, undefined),
    row('  p95', o?.completionMs.p95, j?.completionMs.p95, undefined),
    row('  max', o?.completionMs.max, j?.completionMs.max, undefined),
    row('  items', o?.completionItems, j?.completionItems, undefined, count),
    row('Completion right after an edit, p50', o?.typedCompletionMs.p50, j?.typedCompletionMs.p50, floor),
    row('  p95', o?.typedCompletionMs.p95, j?.typedCompletionMs.p95, undefined),
    row('  max', o?.typedCompletionMs.max, j?.typedCompletionMs.max, undefined),
    row('  items', o?.typedCompletionItems, j?.typedCompletionItems, undefined, count),
    row('  validations published during the typing', o?.typingValidations, j?.typingValidations, undefined, count),
    row(`Hover, p50${j && !j.hoverAnswered ? ' (JSON server: no hover here)' : ''}`, o?.hoverMs.p50, j?.hoverMs.p50, undefined),
    row('  p95', o?.hoverMs.p95, j?.hoverMs.p95, undefined),
    row('Fix all (source.fixAll, asked and resolved), p50', o?.fixAllMs?.p50, undefined, undefined),
    row('Fix all at this size (source.fixAll, asked and resolved)', o?.fixAllLargeMs, undefined, undefined),
    row('Completion in another document while this one opens: longest wait', o?.otherDocumentWhileOpeningMs?.max, undefined, undefined),
    row('  p95', o?.otherDocumentWhileOpeningMs?.p95, undefined, undefined),
    row('  the first, sent right behind the text', o?.otherDocumentBehindOpenMs, undefined, undefined),
    row('Completion in another document during fix-all: longest wait', o?.otherDocumentWhileFixingMs?.max, undefined, undefined),
    row('  p95', o?.otherDocumentWhileFixingMs?.p95, undefined, undefined),
    row('Round trip of an empty request, p50', o?.roundTripMs.p50, j?.roundTripMs.p50, undefined),
    row('Peak memory (VmHWM), MB', o?.peakMemoryMb, j?.peakMemoryMb, undefined, mb),
    row('Diagnostics published', o?.diagnostics, j?.diagnostics, undefined, count),
    row('  their payload', o?.diagnosticsPayloadBytes, j?.diagnosticsPayloadBytes, undefined, fmtBytes),
  ];
}

function templateRows(results, name) {
  const o = results.figures.ours?.[name];
  const count = (v) => (v === undefined ? '–' : String(Math.round(v)));
  return [
    ['Open to first diagnostics', fmtMs(o?.openToDiagnosticsMs)],
    ['Edit to diagnostics, wall with debounce, p50', fmtMs(o?.editToDiagnosticsMs.p50)],
    ['  the same, p95', fmtMs(o?.editToDiagnosticsMs.p95)],
    ['Edit to diagnostics, debounce 0 (validation), p50', fmtMs(o?.pureValidationMs?.p50)],
    ['Completion, no edit before, p50', fmtMs(o?.completionMs.p50)],
    ['Completion right after an edit, p50', fmtMs(o?.typedCompletionMs.p50)],
    ['  p95', fmtMs(o?.typedCompletionMs.p95)],
    ['  items', count(o?.typedCompletionItems)],
    ['Hover, p50', fmtMs(o?.hoverMs.p50)],
    ['Completion in another document while this one opens: longest wait', fmtMs(o?.otherDocumentWhileOpeningMs?.max)],
    ['  p95', fmtMs(o?.otherDocumentWhileOpeningMs?.p95)],
    ['  the first, sent right behind the text', fmtMs(o?.otherDocumentBehindOpenMs)],
    ['Burst of 5 edits 50 ms apart: validations', count(o?.burstValidations.max)],
    ['Peak memory (VmHWM), MB', o?.peakMemoryMb === undefined ? '–' : num(o.peakMemoryMb, 0)],
    ['Diagnostics published', count(o?.diagnostics)],
    ...hostParseRows(results, name),
  ];
}

/** The host's parse in the bench process, per MB beside the JSON floor's (at its largest size). */
function hostParseRows(results, name) {
  const parse = results.hostParse?.[name];
  const template = (results.templates ?? []).find((t) => t.name === name);
  if (!parse || !template) return [];
  const mb = template.bytes / (1024 * 1024);
  const largest = [...(results.documents ?? [])].sort((a, b) => b.bytes - a.bytes)[0];
  const floorPerMb = largest && results.floor?.[largest.name] ? results.floor[largest.name].p50 / (largest.bytes / (1024 * 1024)) : undefined;
  const perMb = parse.whole.p50 / mb;
  const versus = floorPerMb ? ` (${num(perMb / floorPerMb, 0)}x the JSON floor's ${fmtMs(floorPerMb)} ms/MB)` : '';
  const parser = template.languageId === 'terraform' ? 'tree-sitter HCL' : 'yaml';
  return [
    [`Parse of the whole file (${parser}, p50), ms per MB`, `${fmtMs(perMb)}${versus}`],
    ...(parse.item ? [[`  one item, as a keystroke parses it (${parse.itemBytes} bytes), p50`, fmtMs(parse.item.p50)]] : []),
  ];
}

function growthRows(results) {
  const g = results.growth;
  const k = (v) => (v === undefined ? '–' : num(v, 2));
  const line = (label, ours, json) => [label, `${k(ours?.exponent)} (${k(ours?.largestStep)})`, json ? `${k(json.exponent)} (${k(json.largestStep)})` : '–'];
  return [
    ['Figure', 'kinesis-policy', 'JSON server'],
    line('Open to first diagnostics', g.ours?.openToDiagnostics, g.json?.openToDiagnostics),
    line('Edit to diagnostics less the debounce', g.ours?.editWork, g.json?.editWork),
    line('Edit to diagnostics, debounce 0', g.ours?.pureValidation, undefined),
    line('Completion, no edit before (p50)', g.ours?.completion, g.json?.completion),
    line('Completion right after an edit (p50)', g.ours?.typedCompletion, g.json?.typedCompletion),
    line('Parse floor (p50)', g.floor?.parse, undefined),
  ];
}

function targetRows(targets) {
  return [
    ['Target', 'Measured', 'Limit', 'Result'],
    ...targets.map((t) => {
      const f = t.unit === 'ms' ? fmtMs : (v) => num(v, t.digits);
      const unit = t.unit ? ` ${t.unit}` : '';
      const verdict = t.met ? 'met' : `MISSED by ${num((t.ratio - 1) * 100, 0)}% (${num(t.ratio, 2)}x the limit)`;
      return [t.label, `${f(t.measured)}${unit}`, `${f(t.limit)}${unit}`, verdict];
    }),
  ];
}

function contextRows(results) {
  const a = results.artifacts;
  const start = results.start;
  return [
    ['Figure', 'kinesis-policy', 'JSON server', 'Ours / JSON'],
    ['Start to `initialize` answered, p50', fmtMs(start.ours?.p50), fmtMs(start.json?.p50), fmtRatio(start.ours?.p50, start.json?.p50)],
    ['  p95 (all sessions)', fmtMs(start.ours?.p95), fmtMs(start.json?.p95), fmtRatio(start.ours?.p95, start.json?.p95)],
    ['`node -e 0` alone, p50', fmtMs(median(results.nodeStartupMs)), '', ''],
    [`\`${a.vsixFile}\``, fmtBytes(a.vsix), '', ''],
    [`dist/server.js${a.productionBuild ? ' (production)' : ' (development build)'}`, fmtBytes(a.server), '', ''],
    ['dist/extension.js', fmtBytes(a.extension), '', ''],
    ['dist/cli.js', fmtBytes(a.cli), '', ''],
    ['dist/data (IAM catalog)', fmtBytes(a.data), '', ''],
    ...(results.firstUse
      ? [
          ['First use of thirty services, open to diagnostics, p50', fmtMs(results.firstUse.thirtyServicesMs.p50), '', ''],
          ['First use of `"Action": "*"`, open to diagnostics, p50', fmtMs(results.firstUse.allActionsMs.p50), '', ''],
        ]
      : []),
  ];
}

function machineLine(results) {
  const m = results.machine;
  const steal = m.stealFraction === undefined ? '' : `; the host took ${(m.stealFraction * 100).toFixed(1)}% of the CPU time during the run (steal)`;
  return `${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB, ${m.os}, Node ${m.node}; load average (1, 5, 15 min) ${results.loadAtStart.join(' ')} at the start, ${m.loadAverage.join(' ')} at the end${steal}`;
}

function busyLine(results) {
  const busy = results.sessions.filter((s) => s.machineBusyBefore > 0.3).length;
  return busy ? ` ${busy} of ${results.sessions.length} sessions started while other processes kept the CPUs over 30% busy.` : '';
}

function sourceLine(results) {
  const s = results.source;
  const dirty = s.uncommittedSourceChanges ? ` with ${s.uncommittedSourceChanges} uncommitted change(s) under server/, client/ or the build scripts` : '';
  return `commit ${s.commit ?? 'unknown'}${dirty}; ${results.runs} run(s)${results.quick ? ', quick' : ''}; ${results.generated}`;
}

function markdownTable(rows) {
  const [head, ...body] = rows;
  // Markdown collapses the leading spaces that mark a row as a detail of the row above.
  const cell = (c) => String(c).replace(/\|/g, '\\|').replace(/^ {2}/, '&emsp;');
  const cells = (r) => `| ${r.map(cell).join(' | ')} |`;
  const align = (i) => (i === 0 || (head[i] === 'Result') ? ' --- ' : ' ---: ');
  return [cells(head), `|${head.map((_, i) => align(i)).join('|')}|`, ...body.map(cells)].join('\n');
}

function textTable(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  const line = (r) => r.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
  return [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

function sections(results) {
  const docs = Object.fromEntries(results.documents.map((d) => [d.name, d]));
  return [
    { title: 'Start and size', rows: contextRows(results) },
    ...results.documents.map((d) => ({
      title: `${d.name}: ${docs[d.name].bytes.toLocaleString('en')} bytes, ${d.statements} statements (floor: parseTree p50 ${fmtMs(results.floor[d.name].p50)} ms)`,
      rows: [HEADER, ...sizeRows(results, d.name)],
    })),
    ...(results.templates ?? []).map((d) => ({
      title:
        d.languageId === 'terraform'
          ? `${d.name} Terraform configuration: ${d.bytes.toLocaleString('en')} bytes, ${d.resources} blocks, ${d.statements} statements (kinesis-policy alone: the JSON server reads no HCL)`
          : `${d.name} CloudFormation template: ${d.bytes.toLocaleString('en')} bytes, ${d.resources} resources, ${d.statements} statements (kinesis-policy alone: the JSON server reads no YAML)`,
      rows: [['Figure', 'kinesis-policy'], ...templateRows(results, d.name)],
    })),
    ...(results.documents.length >= 2
      ? [{ title: 'Growth: exponent of time against size, 1 KB to 2 MB (in brackets: 200 KB to 2 MB alone)', rows: growthRows(results) }]
      : []),
    { title: 'Targets', rows: targetRows(results.targets) },
  ];
}

export function printReport(results) {
  results.targets = checkTargets(results);
  results.sessions ??= [];
  console.log(`\nMachine: ${machineLine(results)}.${busyLine(results)}`);
  console.log(`Measured: ${sourceLine(results)}`);
  console.log('Times in ms. Ratios are on the figure of the row.');
  for (const s of sections(results)) console.log(`\n${s.title}\n${textTable(s.rows)}`);
}

function markdown(results) {
  const parts = [
    `Machine: ${machineLine(results)}.${busyLine(results)}`,
    `Measured: ${sourceLine(results)}. Times in ms; ratios are on the figure of the row.`,
    ...sections(results).map((s) => `#### ${s.title}\n\n${markdownTable(s.rows)}`),
  ];
  return parts.join('\n\n');
}

const round = (key, value) => (typeof value === 'number' && !Number.isInteger(value) ? Math.round(value * 1000) / 1000 : value);

/** Writes results.json and the tables of benchmarks.md; a scratch run writes under bench/tmp/. */
export function writeReport(root, results, { scratch }) {
  results.targets ??= checkTargets(results);
  const dir = scratch ? join(root, 'bench', 'tmp') : join(root, 'bench');
  const docPath = scratch ? join(root, 'bench', 'tmp', 'benchmarks.md') : join(root, 'docs', 'benchmarks.md');
  mkdirSync(dir, { recursive: true });
  const jsonPath = join(dir, 'results.json');
  // Arrays of samples on one line each: the file stays readable and diffs stay small.
  const json = JSON.stringify(results, round, 2).replace(/\[\s+([-\d.e,\s]+?)\s+\]/g, (_, list) => `[${list.split(/,\s*/).join(', ')}]`);
  writeFileSync(jsonPath, json + '\n');

  const source = join(root, 'docs', 'benchmarks.md');
  const existing = existsSync(source) ? readFileSync(source, 'utf8') : `# Benchmarks\n\n${START}\n${END}\n`;
  const [before, rest] = existing.includes(START) && existing.includes(END) ? existing.split(START) : [`${existing}\n`, `${END}`];
  const after = rest.slice(rest.indexOf(END) + END.length);
  writeFileSync(docPath, `${before}${START}\n\n${markdown(results)}\n\n${END}${after}`);
  return [jsonPath, docPath].map((p) => p.slice(root.length + 1));
}
