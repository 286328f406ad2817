import { readdirSync, readFileSync } from 'node:fs';

/** Resident memory of this process and its direct children (the PP-OCR pool runs in children), MB. */
export function treeRssMb(): number {
  let kb = 0;
  for (const pid of [String(process.pid), ...childPids()]) {
    try {
      const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      kb += Number(m?.[1] ?? 0);
    } catch {
      // The child exited between listing and reading.
    }
  }
  return Math.round(kb / 1024);
}

function childPids(): string[] {
  try {
    return readdirSync('/proc/self/task').flatMap((tid) => readFileSync(`/proc/self/task/${tid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean));
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
