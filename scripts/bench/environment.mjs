// What the figures depend on besides the code: the machine, the source state, what was built.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { ms, now } from './lspDriver.mjs';

export function machine() {
  let cpu = os.cpus()[0]?.model ?? 'unknown';
  try {
    cpu = /^model name\s*:\s*(.*)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpu;
  } catch {
    // Not Linux: os.cpus() it is.
  }
  return {
    cpu,
    cores: os.availableParallelism?.() ?? os.cpus().length,
    memoryGb: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    loadAverage: os.loadavg().map((n) => Math.round(n * 100) / 100),
  };
}

/** The commit measured, and whether server or client sources differ from it. */
export function sourceState(root) {
  const git = (...args) => {
    try {
      return execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      return undefined;
    }
  };
  const changed = git('status', '--porcelain', '--', 'server', 'client', 'scripts/build.mjs', 'scripts/build-data.mjs');
  return { commit: git('rev-parse', '--short', 'HEAD'), uncommittedSourceChanges: changed ? changed.split('\n').length : 0 };
}

function bytesOf(path) {
  if (!existsSync(path)) return undefined;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.size;
  return readdirSync(path).reduce((sum, name) => sum + (bytesOf(join(path, name)) ?? 0), 0);
}

/** The .vsix and the bundles, in bytes, as found after the build. */
export function artifactSizes(root) {
  const { name, version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const vsix = `${name}-${version}.vsix`;
  const serverJs = join(root, 'dist', 'server.js');
  return {
    vsixFile: vsix,
    vsix: bytesOf(join(root, vsix)),
    server: bytesOf(serverJs),
    extension: bytesOf(join(root, 'dist', 'extension.js')),
    cli: bytesOf(join(root, 'dist', 'cli.js')),
    data: bytesOf(join(root, 'dist', 'data')),
    // A production bundle carries no source-map comment.
    productionBuild: existsSync(serverJs) && !readFileSync(serverJs, 'utf8').includes('//# sourceMappingURL='),
  };
}

/** What starting `node` alone costs on this machine: the part of any server's start it cannot save. */
export function nodeStartupMs(times) {
  const samples = [];
  for (let i = 0; i < times; i++) {
    const t = now();
    spawnSync(process.execPath, ['-e', '0']);
    samples.push(ms(t));
  }
  return samples;
}

/**
 * Busy, idle and stolen jiffies of all CPUs so far; undefined where /proc/stat is missing.
 * Steal is time a virtual machine's CPUs were runnable but the host ran something else.
 */
export function cpuTimes() {
  try {
    const [, ...fields] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number);
    const idle = fields[3] + (fields[4] ?? 0);
    return { busy: fields.slice(0, 8).reduce((a, b) => a + b, 0) - idle, idle, steal: fields[7] ?? 0 };
  } catch {
    return undefined;
  }
}

/** The share of CPU time the host took from this machine between two `cpuTimes()` readings. */
export function stealFraction(a, b) {
  if (!a || !b) return undefined;
  const total = b.busy - a.busy + (b.idle - a.idle);
  return total > 0 ? (b.steal - a.steal) / total : 0;
}

/**
 * On a shared machine, waits (at most `maxWaitMs`) until the other processes leave the CPUs
 * mostly idle, so that a session does not start in the middle of someone's build. Resolves with
 * the busy fraction of the last interval, and how long it waited.
 */
export async function waitForQuiet({ threshold = 0.3, maxWaitMs = 20_000, intervalMs = 500 } = {}) {
  const start = Date.now();
  let busy;
  for (;;) {
    const a = cpuTimes();
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
    const b = cpuTimes();
    if (!a || !b) return { busy: undefined, waitedMs: 0 };
    const total = b.busy - a.busy + (b.idle - a.idle);
    busy = total > 0 ? (b.busy - a.busy) / total : 0;
    if (busy <= threshold || Date.now() - start >= maxWaitMs) return { busy, waitedMs: Date.now() - start - intervalMs };
  }
}
