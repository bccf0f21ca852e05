/**
 * A controllable network between simulated devices and real servers: a `fetch` the sync engine is
 * given instead of the global one. Requests go to `http://traguardi.test/...` and are forwarded over
 * real HTTP to one of `targets` (round robin: several server processes behind one name).
 *
 * Scripted faults (one-shot, matched by method and path, in the order added):
 *   drop        the request never reaches the server (fetch rejects)
 *   loseAnswer  the server handles it (commits), then the answer is lost (fetch rejects)
 *   duplicate   the server gets it twice: once now, once again later (a stale replay, reordered
 *               after whatever the device sends next); the device sees the first answer
 *   respond     a fixed answer without reaching the server (e.g. 426, 503)
 *   rewrite     the body is changed before it leaves (e.g. a mutation removed: a seq gap)
 *   gate        the request waits (before reaching the server, or after its answer) until released
 *   overtaken   the device sees a dropped connection at once, but the request still reaches the
 *               server later (after whatever the device sends next: its retry overtakes it)
 *   lateAnswer  the server answers, and the answer reaches the device only after a delay (a pull
 *               page from an old snapshot arriving after others wrote)
 * Random faults (`chaos`, seeded) mix drop, loseAnswer, duplicate, overtaken, lateAnswer and delays;
 * `offline` makes every request fail like a dead network.
 */

export const TRANSPORT_ORIGIN = 'http://traguardi.test';

export interface Match {
  method?: string;
  path?: string | RegExp;
  /** Tested against the query string (`?clientId=…&part=deferred`), when given. */
  query?: RegExp;
}

export interface Gate {
  /** Resolves when a matching request has reached the gate. */
  reached: Promise<void>;
  /** Lets it go on (or fail like a dropped connection). */
  release(outcome?: 'pass' | 'fail'): void;
}

type Fault =
  | { kind: 'drop' }
  | { kind: 'loseAnswer' }
  | { kind: 'duplicate'; replayAfterMs: number }
  | { kind: 'overtaken'; afterMs: number }
  | { kind: 'lateAnswer'; afterMs: number }
  | { kind: 'respond'; status: number; body: unknown }
  | { kind: 'rewrite'; fn: (body: string) => string }
  | { kind: 'gate'; when: 'before' | 'after'; reached: () => void; wait: Promise<'pass' | 'fail'> };

export interface ChaosOptions {
  drop: number;
  loseAnswer: number;
  duplicate: number;
  /** Sent late: the device's retry overtakes it (default 0). */
  overtaken?: number;
  /** Answered late (default 0). */
  lateAnswer?: number;
  /** Probability of a delay, and its maximum in ms (also the bound of replays and late answers). */
  delay: number;
  maxDelayMs: number;
}

export interface LogEntry {
  method: string;
  path: string;
  outcome: string;
}

/** A small seeded PRNG (mulberry32): the fault run is reproducible from its seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function networkError(what: string): TypeError {
  return new TypeError(`fetch failed (${what})`); // what fetch throws when the network fails
}

export class Transport {
  targets: string[];
  offline = false;
  chaos: ChaosOptions | null = null;
  readonly log: LogEntry[] = [];
  private faults: { match: Match; fault: Fault }[] = [];
  private next = 0;
  private replays = new Set<Promise<unknown>>();

  constructor(
    targets: string | string[],
    private random: () => number = Math.random,
  ) {
    this.targets = Array.isArray(targets) ? targets : [targets];
  }

  /** The `fetch` to give the engine (baseUrl TRANSPORT_ORIGIN). */
  readonly fetch = (url: string, init: RequestInit): Promise<Response> => this.handle(url, init);

  drop(match: Match): void {
    this.faults.push({ match, fault: { kind: 'drop' } });
  }
  loseAnswer(match: Match): void {
    this.faults.push({ match, fault: { kind: 'loseAnswer' } });
  }
  duplicate(match: Match, replayAfterMs = 0): void {
    this.faults.push({ match, fault: { kind: 'duplicate', replayAfterMs } });
  }
  respond(match: Match, status: number, body: unknown): void {
    this.faults.push({ match, fault: { kind: 'respond', status, body } });
  }
  rewrite(match: Match, fn: (body: string) => string): void {
    this.faults.push({ match, fault: { kind: 'rewrite', fn } });
  }
  gate(match: Match, when: 'before' | 'after' = 'before'): Gate {
    let reached!: () => void;
    let release!: (o: 'pass' | 'fail') => void;
    const reachedP = new Promise<void>((r) => (reached = r));
    const wait = new Promise<'pass' | 'fail'>((r) => (release = r));
    this.faults.push({ match, fault: { kind: 'gate', when, reached, wait } });
    return { reached: reachedP, release: (o = 'pass') => release(o) };
  }

  /** Waits for the stale replays still in flight (call before checking the server). */
  async settle(): Promise<void> {
    while (this.replays.size) await Promise.allSettled([...this.replays]);
  }

  private take(method: string, path: string, query = ''): Fault | null {
    const i = this.faults.findIndex(({ match }) => {
      if (match.method && match.method !== method) return false;
      if (match.query && !match.query.test(query)) return false;
      if (typeof match.path === 'string') return path.startsWith(match.path);
      if (match.path) return match.path.test(path);
      return true;
    });
    if (i < 0) return null;
    const [taken] = this.faults.splice(i, 1);
    return taken?.fault ?? null;
  }

  private randomFault(): Fault | null {
    const c = this.chaos;
    if (!c) return null;
    const r = this.random();
    if (r < c.drop) return { kind: 'drop' };
    if (r < c.drop + c.loseAnswer) return { kind: 'loseAnswer' };
    let edge = c.drop + c.loseAnswer + c.duplicate;
    if (r < edge) return { kind: 'duplicate', replayAfterMs: this.random() * c.maxDelayMs };
    edge += c.overtaken ?? 0;
    if (r < edge) return { kind: 'overtaken', afterMs: this.random() * c.maxDelayMs };
    edge += c.lateAnswer ?? 0;
    if (r < edge) return { kind: 'lateAnswer', afterMs: this.random() * c.maxDelayMs };
    return null;
  }

  private forward(path: string, init: RequestInit): Promise<Response> {
    const target = this.targets[this.next++ % this.targets.length];
    if (!target) return Promise.reject(networkError('no server'));
    return fetch(target + path, init);
  }

  private record(method: string, path: string, outcome: string): void {
    this.log.push({ method, path, outcome });
  }

  private async handle(url: string, init: RequestInit): Promise<Response> {
    const u = new URL(url);
    const path = u.pathname + u.search;
    const method = (init.method ?? 'GET').toUpperCase();
    if (this.offline) {
      this.record(method, path, 'offline');
      throw networkError('offline');
    }
    if (this.chaos && this.random() < this.chaos.delay) await sleep(this.random() * this.chaos.maxDelayMs);
    const fault = this.take(method, u.pathname, u.search) ?? this.randomFault();
    let body = init.body;
    switch (fault?.kind) {
      case 'drop':
        this.record(method, path, 'dropped');
        throw networkError('dropped');
      case 'overtaken': {
        const late = sleep(fault.afterMs)
          .then(() => this.forward(path, { ...init }))
          .then((r) => r.body?.cancel())
          .catch(() => {}); // the server went away meanwhile: lost after all
        this.replays.add(late);
        void late.finally(() => this.replays.delete(late));
        this.record(method, path, 'overtaken');
        throw networkError('overtaken');
      }
      case 'respond':
        this.record(method, path, `respond ${fault.status}`);
        return Response.json(fault.body, { status: fault.status });
      case 'rewrite':
        if (typeof body === 'string') body = fault.fn(body);
        break;
      case 'gate':
        if (fault.when === 'before') {
          fault.reached();
          if ((await fault.wait) === 'fail') {
            this.record(method, path, 'gate failed');
            throw networkError('gate');
          }
        }
        break;
    }
    const sent: RequestInit = { ...init, ...(body === undefined ? {} : { body }) };
    let res: Response;
    try {
      res = await this.forward(path, sent);
    } catch (err) {
      this.record(method, path, 'server unreachable');
      throw err;
    }
    if (fault?.kind === 'duplicate') {
      const replay = sleep(fault.replayAfterMs)
        .then(() => this.forward(path, sent))
        .then((r) => r.body?.cancel())
        .catch(() => {}); // a replay to a server that went away: as if lost on the way
      this.replays.add(replay);
      void replay.finally(() => this.replays.delete(replay));
    }
    if (fault?.kind === 'loseAnswer') {
      // Read the whole answer first: the server has finished (and committed) before it is lost.
      await res.arrayBuffer().catch(() => {});
      this.record(method, path, `answer lost (${res.status})`);
      throw networkError('answer lost');
    }
    if (fault?.kind === 'gate' && fault.when === 'after') {
      const buffered = new Response(await res.arrayBuffer(), { status: res.status, headers: res.headers });
      fault.reached();
      if ((await fault.wait) === 'fail') {
        this.record(method, path, 'gate failed after answer');
        throw networkError('gate');
      }
      this.record(method, path, String(res.status));
      return buffered;
    }
    if (fault?.kind === 'lateAnswer') {
      const buffered = new Response(await res.arrayBuffer(), { status: res.status, headers: res.headers });
      await sleep(fault.afterMs);
      this.record(method, path, `${res.status} (late)`);
      return buffered;
    }
    this.record(
      method,
      path,
      fault?.kind === 'duplicate' ? `${res.status} (duplicated)` : String(res.status),
    );
    return res;
  }
}
