/**
 * Reading a CDP CPU profile (Profiler.stop's `profile`) for the browser benchmarks: self time per
 * function (name, file and line), the largest first, plus the share of idle, GC and program time.
 */

export interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
    children?: number[];
  }[];
  samples?: number[];
  timeDeltas?: number[];
  startTime: number;
  endTime: number;
}

/** A span of the profile, in ms from its start: only the samples taken in it count. */
export interface ProfileWindow {
  from: number;
  to: number;
}

type ProfileNode = CpuProfile['nodes'][number];

function frameKey(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  const file = url ? url.replace(/^.*\//, '') : '';
  return `${functionName || '(anonymous)'}  ${file}${file ? `:${lineNumber + 1}` : ''}`;
}

/** Each sample's node and the µs it stood for, inside `window` when one is given. */
function* samplesOf(profile: CpuProfile, window?: ProfileWindow): Generator<[number, number]> {
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let at = 0;
  for (let i = 0; i < samples.length; i += 1) {
    at += deltas[i] ?? 0;
    // The delta before the next sample is the time this one stood for.
    const us = deltas[i + 1] ?? 0;
    if (window && (at / 1000 < window.from || at / 1000 > window.to)) continue;
    yield [samples[i] ?? -1, us];
  }
}

/** Lines "  1234 ms  12.3 %  name  file:line", the `limit` largest self times. */
export function topSelfTime(profile: CpuProfile, limit: number, window?: ProfileWindow): string[] {
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  let total = 0;
  for (const [id, us] of samplesOf(profile, window)) {
    const node = byNode.get(id);
    if (!node) continue;
    const key = frameKey(node);
    self.set(key, (self.get(key) ?? 0) + us);
    total += us;
  }
  return formatTimes(self, total, limit);
}

/**
 * The same with total time: a function counts for every sample taken in it or in what it called
 * (once per sample, however deep it recurses) — where the self times of native work come from.
 */
export function topTotalTime(profile: CpuProfile, limit: number, window?: ProfileWindow): string[] {
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const totals = new Map<string, number>();
  let total = 0;
  for (const [id, us] of samplesOf(profile, window)) {
    total += us;
    const seen = new Set<string>();
    for (let node = byNode.get(id); node; node = byNode.get(parent.get(node.id) ?? -1)) {
      const key = frameKey(node);
      if (seen.has(key) || key.startsWith('(root)')) continue;
      seen.add(key);
      totals.set(key, (totals.get(key) ?? 0) + us);
    }
  }
  return formatTimes(totals, total, limit);
}

function formatTimes(times: Map<string, number>, total: number, limit: number): string[] {
  return [...times]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(
      ([key, us]) =>
        `${(us / 1000).toFixed(0).padStart(6)} ms ${((100 * us) / total).toFixed(1).padStart(5)} %  ${key}`,
    );
}
