/**
 * Where the fault run's time goes (FAULT_DEBUG=1): wall time per phase of the harness, the process's
 * CPU time beside it (wall minus CPU is waiting: timers, I/O, or the machine's other processes),
 * and the event loop's delay (high when the process is busy or starved of CPU, low when it idles).
 * Printed every `every` mutations and at the end. Only figures: nothing here passes or fails.
 * FAULT_CPU_PROFILE=<prefix> also writes a V8 CPU profile of the run, <prefix>-<label>.cpuprofile
 * (taken in process: vitest's workers do not live to write `node --cpu-prof` files).
 */
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { loadavg } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';

export class FaultTiming {
  private readonly spent = new Map<string, number>();
  private readonly counts = new Map<string, number>();
  private readonly started = performance.now();
  private readonly cpuAtStart = process.cpuUsage();
  private readonly loop = monitorEventLoopDelay({ resolution: 20 });
  private readonly schedAtStart = mainThreadSched();
  private lastReport = { at: this.started, cpu: 0, sched: this.schedAtStart };

  constructor(
    readonly enabled: boolean,
    private readonly label: string,
  ) {
    if (enabled) this.loop.enable();
  }

  /** Times `fn` under `phase` (cumulative). */
  async time<T>(phase: string, fn: () => Promise<T>): Promise<T> {
    if (!this.enabled) return fn();
    const t = performance.now();
    try {
      return await fn();
    } finally {
      this.add(phase, performance.now() - t);
    }
  }

  add(phase: string, ms: number): void {
    this.spent.set(phase, (this.spent.get(phase) ?? 0) + ms);
    this.counts.set(phase, (this.counts.get(phase) ?? 0) + 1);
  }

  private cpuSeconds(): number {
    const u = process.cpuUsage(this.cpuAtStart);
    return (u.user + u.system) / 1e6;
  }

  report(what: string, extra: Record<string, unknown> = {}): void {
    if (!this.enabled) return;
    const now = performance.now();
    const cpu = this.cpuSeconds();
    const wall = (now - this.started) / 1000;
    const windowWall = (now - this.lastReport.at) / 1000;
    const windowCpu = cpu - this.lastReport.cpu;
    const sched = mainThreadSched();
    const thread = sched
      ? `main thread ${(sched.onCpu - (this.schedAtStart?.onCpu ?? 0)).toFixed(1)} s on cpu, ` +
        `${(sched.waiting - (this.schedAtStart?.waiting ?? 0)).toFixed(1)} s runnable but waiting for a cpu ` +
        `(window ${(sched.onCpu - (this.lastReport.sched?.onCpu ?? 0)).toFixed(1)} / ` +
        `${(sched.waiting - (this.lastReport.sched?.waiting ?? 0)).toFixed(1)} s); `
      : '';
    this.lastReport = { at: now, cpu, sched };
    const phases = [...this.spent]
      .map(([k, ms]) => `${k} ${(ms / 1000).toFixed(1)}s/${this.counts.get(k) ?? 0}`)
      .join(', ');
    const lag = `loop delay p50 ${(this.loop.percentile(50) / 1e6).toFixed(0)} ms, p99 ${(this.loop.percentile(99) / 1e6).toFixed(0)} ms`;
    this.loop.reset();
    console.log(
      `[fault ${this.label}] ${what}: wall ${wall.toFixed(1)} s, cpu ${cpu.toFixed(1)} s; ` +
        `window ${windowWall.toFixed(1)} s wall / ${windowCpu.toFixed(1)} s cpu; ${thread}${lag}; ` +
        `load ${loadavg()
          .map((l) => l.toFixed(1))
          .join(' ')}; ${phases}; ${JSON.stringify(extra)}`,
    );
  }

  private profiler: Session | null = null;

  /** Starts the CPU profiler when FAULT_CPU_PROFILE names a file prefix. */
  async startProfile(): Promise<void> {
    if (!process.env.FAULT_CPU_PROFILE) return;
    this.profiler = new Session();
    this.profiler.connect();
    await this.profiler.post('Profiler.enable');
    await this.profiler.post('Profiler.start');
  }

  async stop(): Promise<void> {
    this.loop.disable();
    const session = this.profiler;
    if (!session) return;
    const { profile } = await session.post('Profiler.stop');
    const file = `${process.env.FAULT_CPU_PROFILE}-${this.label}.cpuprofile`;
    await writeFile(file, JSON.stringify(profile));
    session.disconnect();
    console.log(`[fault ${this.label}] CPU profile: ${file}`);
  }
}

/**
 * The event loop thread's time on a CPU and time spent runnable in the run queue (Linux
 * /proc/<pid>/task/<pid>/schedstat, in ns): the second is waiting for the machine, not for timers.
 */
function mainThreadSched(): { onCpu: number; waiting: number } | null {
  try {
    const [onCpu, waiting] = readFileSync(`/proc/${process.pid}/task/${process.pid}/schedstat`, 'utf8')
      .trim()
      .split(/\s+/)
      .map(Number);
    return { onCpu: (onCpu ?? 0) / 1e9, waiting: (waiting ?? 0) / 1e9 };
  } catch {
    return null; // not Linux
  }
}
