import { getHeapSpaceStatistics } from 'node:v8';

export interface MemoryUse {
  /** Resident set size of the process. */
  rssMb: number;
  /** The V8 heap: reserved, in use, and of that the compiled code (code space). */
  heapTotalMb: number;
  heapUsedMb: number;
  codeMb: number;
  /** Memory outside the V8 heap held by JavaScript objects (Buffers, ArrayBuffers), and of that ArrayBuffers. */
  externalMb: number;
  arrayBuffersMb: number;
}

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

/** Where the process's memory goes, for /healthz (and the benchmark, which reads it there). */
export function memoryUse(): MemoryUse {
  const m = process.memoryUsage();
  const code = getHeapSpaceStatistics().find((s) => s.space_name === 'code_space')?.space_used_size ?? 0;
  return {
    rssMb: mb(m.rss),
    heapTotalMb: mb(m.heapTotal),
    heapUsedMb: mb(m.heapUsed),
    codeMb: mb(code),
    externalMb: mb(m.external),
    arrayBuffersMb: mb(m.arrayBuffers),
  };
}
