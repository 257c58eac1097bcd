import { execSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';

/** Where and when a benchmark ran: enough to compare two reports honestly. */
export interface MachineInfo {
  date: string;
  commit: string;
  node: string;
  cpu: string;
  cores: number;
  memoryGb: number;
  platform: string;
}

/** Describe this machine and the checked-out commit. */
export function machineInfo(): MachineInfo {
  let commit = 'unknown';
  try {
    commit = execSync('git rev-parse --short HEAD', {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    const dirty = execSync('git status --porcelain --untracked-files=no', {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    if (dirty) commit += '+dirty';
  } catch {
    // not a git checkout: leave "unknown"
  }
  const cpuList = cpus();
  return {
    date: new Date().toISOString(),
    commit,
    node: process.version,
    cpu: cpuList[0]?.model.trim() ?? 'unknown',
    cores: cpuList.length,
    memoryGb: Math.round(totalmem() / 1024 ** 3),
    platform: `${process.platform}-${process.arch}`,
  };
}
