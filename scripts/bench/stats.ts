/** Percentiles, the RSS sampler and table formatting for the benchmark. */
export interface Distribution {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

/** Nearest-rank percentile of an ascending array (p in 0..1). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

export function distribution(values: readonly number[]): Distribution {
  const sorted = [...values].sort((a, b) => a - b);
  const sum = sorted.reduce((s, v) => s + v, 0);
  return {
    count: sorted.length,
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    p99: percentile(sorted, 0.99),
    max: sorted.at(-1) ?? Number.NaN,
    mean: sorted.length ? sum / sorted.length : Number.NaN,
  };
}

/** Samples process.memoryUsage().rss every `intervalMs`, keeping the overall peak and one per named phase. */
export class RssSampler {
  readonly baselineBytes = process.memoryUsage().rss;
  peakBytes = this.baselineBytes;
  /** The V8 heap in use at the RSS peak (what of the RSS is JavaScript objects). */
  heapAtPeakBytes = process.memoryUsage().heapUsed;
  readonly phasePeaks = new Map<string, number>();
  private phase: string | undefined;
  private readonly timer: NodeJS.Timeout;

  constructor(intervalMs = 100) {
    this.timer = setInterval(() => this.sample(), intervalMs);
    this.timer.unref();
  }

  sample(): number {
    const { rss, heapUsed } = process.memoryUsage();
    if (rss > this.peakBytes) {
      this.peakBytes = rss;
      this.heapAtPeakBytes = heapUsed;
    }
    if (this.phase !== undefined && rss > (this.phasePeaks.get(this.phase) ?? 0))
      this.phasePeaks.set(this.phase, rss);
    return rss;
  }

  /** Attributes the following samples to `name` (undefined: to no phase). */
  enter(name: string | undefined): void {
    this.sample();
    this.phase = name;
    this.sample();
  }

  stop(): void {
    clearInterval(this.timer);
  }
}

export const mb = (bytes: number): number => Math.round((bytes / 1024 / 1024) * 10) / 10;
export const round = (x: number, digits = 1): number => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};

/** A plain-text table with aligned columns. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
