import { parentPort } from 'node:worker_threads';
import { runProbe, type Probe } from './serviceProbe';

/** What the worker tells the test: the call it is about to make, then the probe's report. */
export type WorkerMessage = { starting: string } | { report: ReturnType<typeof runProbe> };

// Runs probes off the test's thread, so that a call that never returns can be stopped and reported.
const post = (message: WorkerMessage) => parentPort?.postMessage(message);
parentPort?.on('message', (probe: Probe) => post({ report: runProbe(probe, (starting) => post({ starting })) }));
