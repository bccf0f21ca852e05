/**
 * Small helpers shared by the benchmarks: timing summaries and fixed-width printing. Benchmarks print
 * figures; they never pass or fail on a timing.
 */
import os from 'node:os';

export interface Summary {
  runs: number;
  median: number;
  min: number;
  max: number;
}

export function summarise(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  return { runs: sorted.length, median, min: sorted[0] ?? 0, max: sorted[sorted.length - 1] ?? 0 };
}

export function ms(value: number): string {
  return value >= 100 ? `${value.toFixed(0)} ms` : `${value.toFixed(1)} ms`;
}

export function formatSummary(s: Summary): string {
  return `median ${ms(s.median)}  (min ${ms(s.min)}, max ${ms(s.max)}, ${s.runs} runs)`;
}

/** Times `fn` `runs` times after `warmup` untimed runs. */
export async function timeRuns(runs: number, warmup: number, fn: () => unknown): Promise<Summary> {
  for (let i = 0; i < warmup; i += 1) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return summarise(samples);
}

/** One line about the machine, printed at the top of each benchmark and copied to docs/performance.md. */
export function machineLine(): string {
  const cpus = os.cpus();
  return `${new Date().toISOString()} · Node ${process.version} · ${cpus.length} × ${cpus[0]?.model ?? 'cpu'} · ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB · load average ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} (other work on the machine skews timings)`;
}

export function verdict(value: number, budget: number): string {
  return value <= budget ? `within budget (${ms(budget)})` : `OVER budget (${ms(budget)})`;
}
