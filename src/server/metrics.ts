/**
 * In-process counters exposed as Prometheus text at /api/metrics. Per process: with several
 * processes, Prometheus sums them. Labels are bounded (method, status class, outcome).
 */
export interface Metrics {
  countRequest(method: string, status: number): void;
  countPush(counts: { applied: number; rejected: number; duplicate: number }): void;
  countPull(): void;
  render(): string;
}

export function createMetrics(): Metrics {
  const requests = new Map<string, number>();
  let pushes = 0;
  let pulls = 0;
  const mutations = { applied: 0, rejected: 0, duplicate: 0 };
  return {
    countRequest(method, status) {
      const key = `method="${method}",status="${status}"`;
      requests.set(key, (requests.get(key) ?? 0) + 1);
    },
    countPush(counts) {
      pushes += 1;
      mutations.applied += counts.applied;
      mutations.rejected += counts.rejected;
      mutations.duplicate += counts.duplicate;
    },
    countPull() {
      pulls += 1;
    },
    render() {
      const lines = [
        '# HELP traguardi_http_requests_total HTTP requests answered.',
        '# TYPE traguardi_http_requests_total counter',
        ...[...requests].map(([labels, n]) => `traguardi_http_requests_total{${labels}} ${n}`),
        '# HELP traguardi_sync_pushes_total Pushes committed.',
        '# TYPE traguardi_sync_pushes_total counter',
        `traguardi_sync_pushes_total ${pushes}`,
        '# HELP traguardi_sync_pulls_total Pulls answered.',
        '# TYPE traguardi_sync_pulls_total counter',
        `traguardi_sync_pulls_total ${pulls}`,
        '# HELP traguardi_sync_mutations_total Pushed mutations by outcome (committed pushes only).',
        '# TYPE traguardi_sync_mutations_total counter',
        ...Object.entries(mutations).map(
          ([outcome, n]) => `traguardi_sync_mutations_total{outcome="${outcome}"} ${n}`,
        ),
      ];
      return lines.join('\n') + '\n';
    },
  };
}
