/**
 * Where a service process's memory goes: the kernel's split of its resident set (anonymous memory, mapped files
 * such as the node binary's code, shared memory) from /proc/<pid>/status, and V8's own figures (heap, of which
 * compiled code; external memory such as Buffers) from the `memory` field of its /healthz.
 */
import { readdirSync, readFileSync } from 'node:fs';

export interface MemorySample {
  rssMb: number;
  /** Anonymous memory: the V8 heap, Buffers, native allocations, thread stacks. */
  rssAnonMb: number;
  /** File-backed pages: the node binary's and shared libraries' code. */
  rssFileMb: number;
  rssShmemMb: number;
  heapTotalMb: number;
  heapUsedMb: number;
  codeMb: number;
  externalMb: number;
  arrayBuffersMb: number;
  /** Anonymous memory that is neither the V8 heap nor external: native code's allocations, stacks, fragmentation. */
  nativeMb: number;
}

const round = (x: number) => Math.round(x * 10) / 10;

function procStatus(pid: number): Record<string, number> {
  try {
    const text = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s*(\\d+) kB`, 'm').exec(text)?.[1] ?? NaN);
    return { rss: kb('VmRSS'), anon: kb('RssAnon'), file: kb('RssFile'), shmem: kb('RssShmem') };
  } catch {
    return { rss: NaN, anon: NaN, file: NaN, shmem: NaN };
  }
}

/** One sample of a service (its /healthz must report `memory`); null when it does not answer. */
export async function sampleMemory(base: string, pid: number): Promise<MemorySample | null> {
  const health = (await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(2000) })
    .then((r) => r.json())
    .catch(() => null)) as { memory?: Record<string, number> } | null;
  const v8 = health?.memory;
  if (!v8) return null;
  const k = procStatus(pid);
  const anon = (k.anon ?? NaN) / 1024;
  return {
    rssMb: round((k.rss ?? NaN) / 1024),
    rssAnonMb: round(anon),
    rssFileMb: round((k.file ?? NaN) / 1024),
    rssShmemMb: round((k.shmem ?? NaN) / 1024),
    heapTotalMb: v8.heapTotalMb ?? NaN,
    heapUsedMb: v8.heapUsedMb ?? NaN,
    codeMb: v8.codeMb ?? NaN,
    externalMb: v8.externalMb ?? NaN,
    arrayBuffersMb: v8.arrayBuffersMb ?? NaN,
    nativeMb: round(anon - (v8.heapTotalMb ?? 0) - (v8.externalMb ?? 0)),
  };
}

/** What a service's /healthz counts of its work since start (see `work` in src/service.ts). */
export interface WorkCounts {
  turns: number;
  batches: number;
  batchedTurns: number;
  databaseRoundTrips: number;
}

/** The work counters of a service; zeros when it does not answer (the echo bot has none). */
export async function sampleWork(base: string): Promise<WorkCounts> {
  const health = (await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(2000) })
    .then((r) => r.json())
    .catch(() => null)) as { work?: Partial<WorkCounts> } | null;
  const w = health?.work ?? {};
  return {
    turns: w.turns ?? 0,
    batches: w.batches ?? 0,
    batchedTurns: w.batchedTurns ?? 0,
    databaseRoundTrips: w.databaseRoundTrips ?? 0,
  };
}

/** Samples services every `intervalMs` and keeps, for each, the sample with the largest resident set. */
export class MemoryWatcher {
  readonly peaks = new Map<string, MemorySample>();
  private readonly timer: NodeJS.Timeout;
  private busy = false;

  constructor(
    private readonly targets: { name: string; base: string; pid: number }[],
    intervalMs = 250,
  ) {
    this.timer = setInterval(() => void this.sample(), intervalMs);
    this.timer.unref();
  }

  private async sample(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      for (const t of this.targets) {
        const s = await sampleMemory(t.base, t.pid);
        const peak = this.peaks.get(t.name);
        if (s && (!peak || s.rssMb > peak.rssMb)) this.peaks.set(t.name, s);
      }
    } finally {
      this.busy = false;
    }
  }

  stop(): void {
    clearInterval(this.timer);
  }
}

/** "RSS 142 MB = V8 heap 60 (code 4) + external 12 + native 40 + file-backed 30" */
export function describeMemory(s: MemorySample): string {
  return (
    `RSS ${s.rssMb} MB = V8 heap ${s.heapTotalMb} (used ${s.heapUsedMb}, code ${s.codeMb}) + external/buffers ` +
    `${s.externalMb} (ArrayBuffers ${s.arrayBuffersMb}) + native ${s.nativeMb} + file-backed code ${s.rssFileMb}` +
    (s.rssShmemMb ? ` + shared ${s.rssShmemMb}` : '')
  );
}

/** CPU time (ms, user + system) of every process named `postgres` (the server and its backends). */
export function postgresCpuMs(): number {
  let total = 0;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() !== 'postgres') continue;
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      total += (Number(fields[11]) + Number(fields[12])) * 10;
    } catch {
      // gone meanwhile
    }
  }
  return total;
}

/** Busy and total CPU time of the whole machine (ms), from /proc/stat. */
export function machineCpuMs(): { busy: number; total: number } {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = line;
  const busy = user + nice + system + irq + softirq + steal;
  return { busy: busy * 10, total: (busy + idle + iowait) * 10 };
}
