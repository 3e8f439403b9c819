// From raw sessions to figures: single-shot figures (start, open, memory, burst) are the median
// over runs; repeated requests are pooled over runs and summarized as p50, p95 and max.
import { growthExponent, max, median, summary } from './stats.mjs';

const pool = (sessions, field) => sessions.flatMap((s) => s[field] ?? []);
const medianOf = (sessions, field) => median(sessions.map((s) => s[field]).filter((v) => v !== undefined));

function figuresOf(sessions, debounceMs) {
  const edit = summary(pool(sessions, 'editToDiagnosticsMs'));
  const pure = pool(sessions, 'pureValidationMs');
  const roundTrip = summary(pool(sessions, 'roundTripMs'));
  return {
    startMs: medianOf(sessions, 'startMs'),
    openToDiagnosticsMs: medianOf(sessions, 'openToDiagnosticsMs'),
    editToDiagnosticsMs: edit,
    debounceMs,
    /** Seen from outside: the wall time of an edit's diagnostics less the debounce. */
    editWorkMs: edit.p50 - debounceMs,
    /** Ours with the debounce set to 0: the validation itself, transport included. */
    pureValidationMs: pure.length ? summary(pure) : undefined,
    /** A request that does nothing: what the pipe, JSON-RPC and the event loop cost. */
    roundTripMs: roundTrip,
    /** The validation itself, as near as the outside can tell: debounce 0, less what any request costs. */
    validationWorkMs: pure.length ? Math.max(0, summary(pure).p50 - roundTrip.p50) : undefined,
    burstValidations: { median: medianOf(sessions, 'burstValidations'), max: max(sessions.map((s) => s.burstValidations)) },
    burstLastEditToDiagnosticsMs: medianOf(sessions, 'burstLastEditToDiagnosticsMs'),
    completionMs: summary(pool(sessions, 'completionMs')),
    completionItems: medianOf(sessions, 'completionItems'),
    typedCompletionMs: summary(pool(sessions, 'typedCompletionMs')),
    typedCompletionItems: medianOf(sessions, 'typedCompletionItems'),
    typingValidations: medianOf(sessions, 'typingValidations'),
    hoverMs: summary(pool(sessions, 'hoverMs')),
    fixAllMs: pool(sessions, 'fixAllMs').length ? summary(pool(sessions, 'fixAllMs')) : undefined,
    fixAllLargeMs: medianOf(sessions, 'fixAllLargeMs'),
    otherDocumentBehindOpenMs: medianOf(sessions, 'otherDocumentBehindOpenMs'),
    otherDocumentWhileOpeningMs: pool(sessions, 'otherDocumentWhileOpeningMs').length ? summary(pool(sessions, 'otherDocumentWhileOpeningMs')) : undefined,
    otherDocumentWhileFixingMs: pool(sessions, 'otherDocumentWhileFixingMs').length ? summary(pool(sessions, 'otherDocumentWhileFixingMs')) : undefined,
    hoverAnswered: sessions.every((s) => s.hoverAnswered),
    peakMemoryMb: medianOf(sessions, 'peakMemoryMb'),
    diagnostics: medianOf(sessions, 'diagnostics'),
    diagnosticsPayloadBytes: medianOf(sessions, 'diagnosticsPayloadBytes'),
  };
}

/** Time against document size, for the figures that must grow linearly. */
function growthOf(documents, series) {
  const points = documents.map((d) => [d.bytes, series(d.name)]);
  const last = points.slice(-2);
  return {
    exponent: growthExponent(points),
    // The two largest sizes alone: a fixed cost cannot flatter this one.
    largestStep: documents.length >= 2 ? growthExponent(last) : undefined,
    points,
  };
}

export function summarize({ documents, templates = [], servers, sessions, floor, hostParse = {}, firstUse }) {
  const figures = {};
  for (const server of servers) {
    figures[server.key] = {};
    for (const d of documents) {
      const mine = sessions.filter((s) => s.server === server.name && s.document === d.name);
      figures[server.key][d.name] = figuresOf(mine, server.debounceMs);
    }
  }
  // Templates are measured on ours alone.
  for (const d of templates) {
    const ours = servers[0];
    figures[ours.key][d.name] = figuresOf(sessions.filter((s) => s.server === ours.name && s.document === d.name), ours.debounceMs);
  }
  const floorFigures = Object.fromEntries(Object.entries(floor).map(([name, times]) => [name, summary(times)]));
  const start = Object.fromEntries(servers.map((s) => [s.key, summary(sessions.filter((x) => x.server === s.name).map((x) => x.startMs))]));

  const growth = {};
  for (const server of servers) {
    const f = figures[server.key];
    growth[server.key] = {
      openToDiagnostics: growthOf(documents, (n) => f[n].openToDiagnosticsMs),
      editWork: growthOf(documents, (n) => f[n].editWorkMs),
      pureValidation: documents.length > 0 && f[documents[0].name].pureValidationMs ? growthOf(documents, (n) => f[n].pureValidationMs.p50) : undefined,
      completion: growthOf(documents, (n) => f[n].completionMs.p50),
      typedCompletion: growthOf(documents, (n) => f[n].typedCompletionMs.p50),
    };
  }
  growth.floor = { parse: growthOf(documents, (n) => floorFigures[n].p50) };

  return {
    servers: servers.map(({ key, name, debounceMs }) => ({ key, name, debounceMs })),
    documents: documents.map(({ name, bytes, statements, uri }) => ({ name, bytes, statements, uri })),
    templates: templates.map(({ name, bytes, statements, resources, uri, languageId }) => ({ name, bytes, statements, resources, uri, languageId })),
    ...(firstUse ? { firstUse: { thirtyServicesMs: summary(firstUse.thirtyServicesMs), allActionsMs: summary(firstUse.allActionsMs) } } : {}),
    hostParse: Object.fromEntries(
      Object.entries(hostParse).map(([name, h]) => [name, { whole: summary(h.whole), ...(h.item ? { item: summary(h.item), itemBytes: h.itemBytes } : {}) }]),
    ),
    start,
    figures,
    floor: floorFigures,
    growth,
    sessions,
  };
}
