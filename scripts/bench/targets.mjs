// The targets of issue 6, checked against the figures. A target whose size or server was not
// measured in this run is left out rather than counted as met.

const MB = 1024 * 1024;

/** Each target: what it says, the figure it reads, the limit; `measure` returns undefined when not measured. */
const TARGETS = [
  { label: 'Completion right after an edit, p50, 20 KB', unit: 'ms', limit: 5, measure: (r) => ours(r, '20KB')?.typedCompletionMs.p50 },
  { label: 'Completion right after an edit, p50, 2 MB', unit: 'ms', limit: 100, measure: (r) => ours(r, '2MB')?.typedCompletionMs.p50 },
  { label: 'Completion with no edit before it, p95, 20 KB', unit: 'ms', limit: 2, measure: (r) => ours(r, '20KB')?.completionMs.p95 },
  { label: 'Completion with no edit before it, p95, 2 MB', unit: 'ms', limit: 5, measure: (r) => ours(r, '2MB')?.completionMs.p95 },
  { label: 'Hover p95, 20 KB', unit: 'ms', limit: 2, measure: (r) => ours(r, '20KB')?.hoverMs.p95 },
  // Issue 20: a quick document is checked at once after each edit.
  ...[['1KB', 25], ['20KB', 25], ['200KB', 50]].map(([size, limit]) => ({
    label: `Edit to diagnostics (wall, default settings), ${size}, p50`,
    unit: 'ms',
    limit,
    measure: (r) => ours(r, size)?.editToDiagnosticsMs.p50,
  })),
  {
    label: "Edit to diagnostics (wall, with debounce), 2MB: at most half the JSON server's",
    unit: 'ms',
    measure: (r) => ours(r, '2MB')?.editToDiagnosticsMs.p50,
    limitOf: (r) => (json(r, '2MB') ? json(r, '2MB').editToDiagnosticsMs.p50 / 2 : undefined),
  },
  ...[['20KB', 20], ['200KB', 50]].map(([size, limit]) => ({
    label: `Fix all (source.fixAll asked and resolved), ${size}, p50`,
    unit: 'ms',
    limit,
    measure: (r) => ours(r, size)?.fixAllMs?.p50,
  })),
  // Issue 20: no request waits on a large document's work for more than 50 ms.
  ...[
    ['opened and checked', 'otherDocumentWhileOpeningMs'],
    ['fixed by fix-all', 'otherDocumentWhileFixingMs'],
  ].map(([what, field]) => ({
    label: `Completion in another document while the 2 MB policy is ${what}, longest wait`,
    unit: 'ms',
    limit: 50,
    measure: (r) => ours(r, '2MB')?.[field]?.max,
  })),
  ...[
    ['1 MB YAML template', 'YAML 1MB'],
    ['1 MB Terraform file', 'Terraform 1MB'],
  ].map(([what, name]) => ({
    label: `Completion in another document while the ${what} is opened and checked, longest wait`,
    unit: 'ms',
    limit: 50,
    measure: (r) => ours(r, name)?.otherDocumentWhileOpeningMs?.max,
  })),
  { label: 'First use of thirty services: open to diagnostics (median)', unit: 'ms', limit: 30, measure: (r) => r.firstUse?.thirtyServicesMs.p50 },
  { label: 'First use of every service ("Action": "*"): open to diagnostics (median)', unit: 'ms', limit: 30, measure: (r) => r.firstUse?.allActionsMs.p50 },
  ...['1KB', '20KB', '200KB', '2MB'].map((size) => ({
    label: `Validation work (debounce 0, less a round trip), ${size}: at most 3x the parse floor`,
    unit: 'ms',
    measure: (r) => ours(r, size)?.validationWorkMs,
    limitOf: (r) => (r.floor[size] ? 3 * r.floor[size].p50 : undefined),
  })),
  { label: 'Cold start to initialize answered (median)', unit: 'ms', limit: 150, measure: (r) => r.start.ours?.p50 },
  { label: 'Peak memory after the 2 MB document', unit: 'MB', digits: 0, limit: 120, measure: (r) => ours(r, '2MB')?.peakMemoryMb },
  // The same limit on the large template and Terraform file (the issue: "the same targets").
  { label: 'Peak memory after the 1 MB YAML template', unit: 'MB', digits: 0, limit: 120, measure: (r) => ours(r, 'YAML 1MB')?.peakMemoryMb },
  { label: 'Peak memory after the 1 MB Terraform file', unit: 'MB', digits: 0, limit: 120, measure: (r) => ours(r, 'Terraform 1MB')?.peakMemoryMb },
  { label: '.vsix size', unit: 'MB', limit: 3, measure: (r) => (r.artifacts.vsix === undefined ? undefined : r.artifacts.vsix / MB) },
  { label: 'Growth exponent, diagnostics (debounce 0), 1 KB to 2 MB', unit: '', limit: 1.1, measure: (r) => allSizes(r) && r.growth.ours.pureValidation?.exponent },
  { label: 'Growth exponent, completion right after an edit, 1 KB to 2 MB', unit: '', limit: 1.1, measure: (r) => allSizes(r) && r.growth.ours.typedCompletion.exponent },
  { label: 'Growth exponent, completion with no edit, 1 KB to 2 MB', unit: '', limit: 1.1, measure: (r) => allSizes(r) && r.growth.ours.completion.exponent },
  { label: 'Completion right after an edit, p50, 1 MB YAML template', unit: 'ms', limit: 10, measure: (r) => ours(r, 'YAML 1MB')?.typedCompletionMs.p50 },
  {
    label: "Edit to diagnostics (wall, with debounce), 1 MB YAML template: at most half the JSON server's at 2 MB",
    unit: 'ms',
    measure: (r) => ours(r, 'YAML 1MB')?.editToDiagnosticsMs.p50,
    limitOf: (r) => (json(r, '2MB') ? json(r, '2MB').editToDiagnosticsMs.p50 / 2 : undefined),
  },
  { label: 'Completion right after an edit, p50, 1 MB Terraform file', unit: 'ms', limit: 10, measure: (r) => ours(r, 'Terraform 1MB')?.typedCompletionMs.p50 },
  {
    label: "Edit to diagnostics (wall, with debounce), 1 MB Terraform file: at most half the JSON server's at 2 MB",
    unit: 'ms',
    measure: (r) => ours(r, 'Terraform 1MB')?.editToDiagnosticsMs.p50,
    limitOf: (r) => (json(r, '2MB') ? json(r, '2MB').editToDiagnosticsMs.p50 / 2 : undefined),
  },
  {
    // Issue 20: a burst of keystrokes costs about one validation, while a document whose checks are
    // cheap is checked at once (the issue's own design: validate at once when the last validation
    // was cheap), one check a keystroke. So: where the server waited for the pause (the burst's
    // diagnostics came the delay or more after its last keystroke), one validation; where it did not,
    // at most one a keystroke. Every session of the large documents counts, whichever way the
    // server judged them; the latency targets above say which way that should be.
    label: 'A burst of 5 quick edits costs one validation where its diagnostics wait for the delay, at most one a keystroke where they do not (2 MB policy, 1 MB template and Terraform file, worst session)',
    unit: 'validations',
    digits: 0,
    measure: (r) => worstBurst(r)?.validations,
    limitOf: (r) => worstBurst(r)?.allowed,
  },
];

const ours = (r, size) => r.figures.ours?.[size];
const json = (r, size) => r.figures.json?.[size];
const allSizes = (r) => r.documents.length === 4;

/** The large documents' burst that went furthest over what it may cost: its validations, and how many it may cost. */
function worstBurst(r) {
  const debounce = r.servers.find((s) => s.key === 'ours')?.debounceMs;
  const bursts = (r.sessions ?? [])
    .filter((s) => s.server === 'kinesis-policy' && ['2MB', 'YAML 1MB', 'Terraform 1MB'].includes(s.document) && s.burstValidations !== undefined)
    .map((s) => ({ validations: s.burstValidations, allowed: s.burstLastEditToDiagnosticsMs >= debounce ? 1 : 5 }));
  if (bursts.length === 0 || debounce === undefined) return undefined;
  return bursts.reduce((a, b) => {
    const over = b.validations - b.allowed - (a.validations - a.allowed);
    // Of bursts as far over, one that waited for the delay: the stricter case.
    return over > 0 || (over === 0 && b.allowed < a.allowed) ? b : a;
  });
}

/** Met or missed, with how far from the limit: `ratio` is measured / limit. */
export function checkTargets(results) {
  const checked = [];
  for (const target of TARGETS) {
    const measured = target.measure(results);
    const limit = target.limitOf ? target.limitOf(results) : target.limit;
    if (measured === undefined || measured === false || limit === undefined) continue;
    checked.push({ label: target.label, unit: target.unit, digits: target.digits ?? 2, measured, limit, met: measured <= limit, ratio: measured / limit });
  }
  return checked;
}
