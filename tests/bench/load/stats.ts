// The load benchmark's figures: latencies per endpoint, errors by endpoint and status, and the
// table they are printed as. Figures only: nothing here passes or fails.

/** Nearest-rank percentile of an ascending array (`p` in 0..100). */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

/** What one phase of the run measured. */
export class Stats {
  /** Milliseconds from sending a request to its last body byte, per endpoint. */
  readonly latencies = new Map<string, number[]>();
  /** Unexpected answers, `endpoint → status → count` (`network`, `timeout` for no answer). */
  readonly errors = new Map<string, Map<string, number>>();
  requests = 0;

  record(endpoint: string, ms: number): void {
    let xs = this.latencies.get(endpoint);
    if (!xs) this.latencies.set(endpoint, (xs = []));
    xs.push(ms);
    this.requests++;
  }

  fail(endpoint: string, status: string): void {
    let by = this.errors.get(endpoint);
    if (!by) this.errors.set(endpoint, (by = new Map()));
    by.set(status, (by.get(status) ?? 0) + 1);
  }

  errorCount(): number {
    let n = 0;
    for (const by of this.errors.values()) for (const c of by.values()) n += c;
    return n;
  }

  /** One line per endpoint: count, p50, p95, p99 and max, in ms; then the errors. */
  table(seconds: number): string[] {
    const out = [
      `${'endpoint'.padEnd(36)} ${'count'.padStart(7)} ${'p50'.padStart(8)} ${'p95'.padStart(8)} ${'p99'.padStart(8)} ${'max'.padStart(8)}  (ms)`,
    ];
    const names = [...this.latencies.keys()].sort();
    for (const name of names) {
      const xs = [...this.latencies.get(name)!].sort((a, b) => a - b);
      const f = (v: number) => v.toFixed(1).padStart(8);
      out.push(`${name.padEnd(36)} ${String(xs.length).padStart(7)} ${f(percentile(xs, 50))} ${f(percentile(xs, 95))} ${f(percentile(xs, 99))} ${f(xs[xs.length - 1])}`);
    }
    out.push(`requests: ${this.requests} in ${seconds.toFixed(1)} s = ${(this.requests / seconds).toFixed(1)} per second`);
    const errors = this.errorCount();
    out.push(`errors: ${errors}${errors === 0 ? ' (goal 0)' : ':'}`);
    for (const [endpoint, by] of [...this.errors].sort(([a], [b]) => a.localeCompare(b))) {
      for (const [status, count] of by) out.push(`  ${endpoint.padEnd(34)} ${status.padStart(8)} × ${count}`);
    }
    return out;
  }
}

/** A short summary of a list of latencies: `p50 … p95 … p99 … max …`. */
export function summary(xs: number[]): string {
  const s = [...xs].sort((a, b) => a - b);
  const f = (v: number) => `${v.toFixed(1)} ms`;
  return `n ${s.length}, p50 ${f(percentile(s, 50))}, p95 ${f(percentile(s, 95))}, p99 ${f(percentile(s, 99))}, max ${f(s[s.length - 1] ?? NaN)}`;
}
