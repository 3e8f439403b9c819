import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { hangGuardMs } from './fuzzConfig';
import type { Probe, ProbeReport } from './serviceProbe';
import type { WorkerMessage } from './serviceWorker';

/** How long a whole probe may take before its worker is stopped: many calls, each far below the guard. */
const probeTimeoutMs = (text: string) => 5 * hangGuardMs(text);

/**
 * Runs probes in a worker thread. A synchronous call that never returns would block the test
 * itself; in a worker it can be stopped, and the input that hung reported like any failure.
 */
export class ServiceHarness {
  private worker: Worker | undefined;
  /** Documents probed, service calls made, code actions tried and the slowest call, for the run's summary. */
  readonly totals = { documents: 0, calls: 0, fixes: 0, slowest: { call: '', ms: 0, length: 0 } };

  /** Probes one document and fails, with the input, if a call threw, hung or returned nonsense. */
  async check(probe: Probe): Promise<void> {
    const report = await this.probe(probe);
    this.totals.documents++;
    this.totals.calls += report.calls;
    this.totals.fixes += report.fixes;
    if (report.slowest.ms > this.totals.slowest.ms) this.totals.slowest = { ...report.slowest, length: probe.text.length };
    const problem =
      report.error ??
      (report.slowest.ms > hangGuardMs(probe.text) ? `hang guard: ${report.slowest.call} took ${Math.round(report.slowest.ms)} ms` : undefined) ??
      report.violations[0];
    if (problem) throw new Error(`${problem}\ninput: ${excerpt(probe.text)}\nsettings: ${JSON.stringify(probe.settings ?? {})}`);
  }

  private probe(probe: Probe): Promise<ProbeReport> {
    const worker = (this.worker ??= new Worker(join(__dirname, 'serviceWorker.js')));
    const timeout = probeTimeoutMs(probe.text);
    let current = 'the first call';
    return new Promise((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
      };
      const onMessage = (message: WorkerMessage) => {
        if ('starting' in message) {
          current = message.starting;
          return;
        }
        done();
        resolve(message.report);
      };
      const onError = (error: Error) => {
        done();
        this.worker = undefined;
        reject(new Error(`the service worker died: ${error.message}\ninput: ${excerpt(probe.text)}`));
      };
      const timer = setTimeout(() => {
        done();
        this.worker = undefined;
        void worker.terminate();
        reject(new Error(`hang guard: ${current} gave no answer within ${Math.round(timeout)} ms\ninput: ${excerpt(probe.text)}`));
      }, timeout);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.postMessage(probe);
    });
  }

  /** A snapshot of the totals to report from later; the slowest call is counted afresh from here. */
  mark(): ServiceHarness['totals'] {
    this.totals.slowest = { call: '', ms: 0, length: 0 };
    return { ...this.totals };
  }

  /** What the harness did since `mark()` gave `before`, in a line for the test report. */
  summary(before: ServiceHarness['totals']): string {
    const { documents, calls, fixes, slowest } = this.totals;
    const slowestCall = slowest.ms > 0 ? `; slowest call ${Math.round(slowest.ms)} ms (${slowest.call.split(' ')[0]}, ${slowest.length} characters)` : '';
    return `${documents - before.documents} documents, ${calls - before.calls} service calls, ${fixes - before.fixes} code actions applied${slowestCall}`;
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
    this.worker = undefined;
  }
}

/** The input as a JSON string literal, shortened in the middle when long. */
export function excerpt(text: string): string {
  if (text.length <= 400) return JSON.stringify(text);
  return `${JSON.stringify(text.slice(0, 200))} + …${text.length - 400} more characters… + ${JSON.stringify(text.slice(-200))}`;
}

/** Completion and hover offsets: both ends of the document and one at each fraction of its length. */
export function offsetsIn(text: string, fractions: number[]): number[] {
  return [0, text.length, ...fractions.map((f) => Math.floor(f * text.length))];
}
