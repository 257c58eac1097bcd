import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

/** A peer the bench compares cdf against, and whether it can run on this machine. */
export interface PeerStatus {
  name: string;
  available: boolean;
  /** The version the peer reported, when available. */
  version?: string;
  /** Why it is missing, and how to install it. */
  reason?: string;
}

/** What a peer run printed (its last JSON line) and how long the whole process took. */
export interface PeerRun<T> {
  output: T;
  /** Wall time of the whole process (start-up, reading, fitting, printing), ms. */
  processMs: number;
}

const INSTALL_HINT = 'run tooling/scripts/install-peers.sh';

/** The Python that has Debian's python3-xgboost and python3-sklearn: `$CDF_PYTHON`, else /usr/bin/python3, else python3. */
export function peerPython(): string {
  if (process.env.CDF_PYTHON) return process.env.CDF_PYTHON;
  return existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
}

function probe(name: string, command: string, args: string[]): PeerStatus {
  const child = spawnSync(command, args, { encoding: 'utf8', env: peerEnv(), timeout: 60_000 });
  if (child.error || child.status !== 0) {
    return { name, available: false, reason: `not installed (${command} failed); ${INSTALL_HINT}` };
  }
  return { name, available: true, version: child.stdout.trim().split('\n').pop() ?? '' };
}

const cache = new Map<string, PeerStatus>();

/** R with the prophet package (Debian r-cran-prophet). */
export function rProphetPeer(): PeerStatus {
  const key = 'r-prophet';
  if (!cache.has(key)) {
    cache.set(
      key,
      probe('R Prophet', 'Rscript', [
        '-e',
        'suppressPackageStartupMessages(library(prophet)); cat(as.character(packageVersion("prophet")))',
      ]),
    );
  }
  return cache.get(key)!;
}

/** A Python module importable by {@link peerPython} (xgboost, sklearn). */
export function pythonModulePeer(name: string, module: string): PeerStatus {
  const key = `python-${module}`;
  if (!cache.has(key)) {
    cache.set(key, probe(name, peerPython(), ['-c', `import ${module}; print(${module}.__version__)`]));
  }
  return cache.get(key)!;
}

/**
 * The environment peers run in: UTC, and OpenMP threads that sleep rather than spin while they
 * wait (`OMP_WAIT_POLICY=PASSIVE`). On a shared, oversubscribed machine spinning threads fight
 * each other: native XGBoost with 2 threads took 158 s spinning and 3.6 s passive on the same
 * matrix (measured here, load average 11 on 2 cores).
 */
export function peerEnv(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    TZ: 'UTC',
    OMP_NUM_THREADS: process.env.OMP_NUM_THREADS ?? '2',
    OMP_WAIT_POLICY: process.env.OMP_WAIT_POLICY ?? 'PASSIVE',
  };
}

/**
 * Run a peer process and parse the last line of its stdout that is a JSON object. Throws with
 * the peer's last stderr line when it fails.
 */
export function runPeer<T>(
  command: string,
  args: string[],
  timeoutMs = 30 * 60_000,
  cwd?: string,
): PeerRun<T> {
  const t0 = performance.now();
  const child = spawnSync(command, args, {
    encoding: 'utf8',
    env: peerEnv(),
    maxBuffer: 256 * 1024 * 1024,
    timeout: timeoutMs,
    ...(cwd ? { cwd } : {}),
  });
  const processMs = performance.now() - t0;
  const line = (child.stdout ?? '')
    .split('\n')
    .reverse()
    .find((l) => l.startsWith('{'));
  if (child.error || child.status !== 0 || !line) {
    const why = (child.stderr || child.stdout || String(child.error ?? `exit ${child.status}`))
      .trim()
      .split('\n')
      .slice(-1)[0];
    throw new Error(`${command} ${args[0] ?? ''} failed: ${why}`);
  }
  return { output: JSON.parse(line) as T, processMs };
}
