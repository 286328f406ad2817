import { readdirSync, readFileSync } from 'node:fs';

/** Resident memory of this process and its direct children (the PP-OCR pool runs in children), MB. */
export function treeRssMb(): number {
  return rssMb([String(process.pid), ...childPids('self')]);
}

/** Resident memory of process `pid` and all its descendants (another process's tree, e.g. a worker and
 * its OCR processes), MB. */
export function pidTreeRssMb(pid: number): number {
  const pids = [String(pid)];
  for (let i = 0; i < pids.length; i++) pids.push(...childPids(pids[i]));
  return rssMb(pids);
}

function rssMb(pids: string[]): number {
  let kb = 0;
  for (const pid of pids) {
    try {
      const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      kb += Number(m?.[1] ?? 0);
    } catch {
      // The child exited between listing and reading.
    }
  }
  return Math.round(kb / 1024);
}

function childPids(pid: string): string[] {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((tid) => readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean));
  } catch {
    return [];
  }
}

/** CPU seconds of this process's children that have exited and been waited for (cutime + cstime). */
export function reapedChildCpuSeconds(): number {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[13]) + Number(fields[14])) / 100;
}
