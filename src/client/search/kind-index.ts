/**
 * The full-text index of one kind of row (objectives, phases or notes), in memory: FlexSearch holds
 * the postings (term → the documents that contain it), this module the documents' facts used to
 * filter and rank (owner, time) and the sorted vocabulary that turns a typed prefix into terms.
 *
 * Why not FlexSearch's own query: its AND of two common words walks the lists through an object
 * keyed by id (tens of ms for 25,000 ids each, ×4 on a slow phone), and its order is not ours. A
 * term's postings are one array lookup, so the query here is: each typed word → the terms it begins
 * (binary search in the vocabulary) → their postings marked in a byte array, the documents having
 * every word kept, the best `limit` picked in one pass. Linear in the postings read, no sort.
 *
 * Ranking: first the documents where more of the typed words are whole words ("servizio" before
 * "servizi…" when "servizio" was typed), then the newest (`time`), then by id (stable).
 *
 * Documents are numbered (FlexSearch ids are numbers: smaller postings and snapshots than uuids);
 * a removed document's number is reused. Not thread-safe by design: it lives in one worker.
 */
import { Index } from 'flexsearch';
import { searchTerms } from './search-terms.ts';

export interface SearchDoc {
  id: string;
  /** Everything searchable, as one text. */
  text: string;
  /** Larger is newer: ranks documents that match equally well. */
  time: number;
  /** Objectives and phases: their area; notes: their objective (whose area says the plan). */
  owner: string;
}

export interface Ranked {
  /** The best `limit` matches, best first. */
  ids: string[];
  /** Every match that passed the filter. */
  total: number;
}

/** What a snapshot of one kind holds; plain data, kept in IndexedDB by the worker. */
export interface KindSnapshot {
  ids: (string | null)[];
  time: number[];
  owner: (string | null)[];
  hash: number[];
  free: number[];
  vocab: string[];
  postings: [string, string][];
}

const ALL = Number.MAX_SAFE_INTEGER;

function newFlex(): Index {
  // Terms come already folded and split (search-terms.ts), joined by spaces: FlexSearch splits them
  // back and indexes each whole term once (strict: prefixes come from our vocabulary, which costs
  // a sixth of the memory of its "forward" tokenizer). One resolution slot: ranking is ours.
  return new Index({ tokenize: 'strict', resolution: 1, encode: (text: string) => text.split(' ') });
}

/** FNV-1a: tells whether a row's text changed, so re-puts of unchanged rows cost no reindexing. */
function hashOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

export class KindIndex {
  private flex = newFlex();
  private numbers = new Map<string, number>();
  private ids: (string | null)[] = [];
  private time: number[] = [];
  /** Each document's owner as a small number (owners repeat: 2,000 objectives own 100,000 notes). */
  private ownerCode: number[] = [];
  private ownerNames: string[] = [];
  private ownerCodes = new Map<string, number>();
  private hash: number[] = [];
  private free: number[] = [];
  private vocab = new Set<string>();
  /** The vocabulary sorted (code-unit order, so a prefix's terms are contiguous); null: to sort. */
  private sorted: string[] | null = [];
  private bulk = false;

  get size(): number {
    return this.numbers.size;
  }

  has(id: string): boolean {
    return this.numbers.has(id);
  }

  ownerOf(id: string): string | undefined {
    const n = this.numbers.get(id);
    return n === undefined ? undefined : this.ownerNames[this.ownerCode[n] ?? -1];
  }

  private codeOf(owner: string): number {
    let code = this.ownerCodes.get(owner);
    if (code === undefined) {
      code = this.ownerNames.push(owner) - 1;
      this.ownerCodes.set(owner, code);
    }
    return code;
  }

  /**
   * During a bulk load new terms are only collected; the vocabulary is sorted once at the end
   * (inserting each new term in place is cheaper one at a time, dearer for 100,000 documents).
   */
  setBulk(on: boolean): void {
    this.bulk = on;
    if (!on && this.sorted === null) this.sorted = [...this.vocab].sort();
  }

  /** Adds or replaces a document; an unchanged text is not reindexed. */
  upsert(doc: SearchDoc): void {
    const terms = searchTerms(doc.text);
    const joined = terms.join(' ');
    const h = hashOf(joined);
    let n = this.numbers.get(doc.id);
    if (n !== undefined) {
      this.time[n] = doc.time;
      this.ownerCode[n] = this.codeOf(doc.owner);
      if (this.hash[n] === h) return;
      this.flex.remove(n);
    } else {
      n = this.free.pop() ?? this.ids.length;
      this.numbers.set(doc.id, n);
      this.ids[n] = doc.id;
      this.time[n] = doc.time;
      this.ownerCode[n] = this.codeOf(doc.owner);
    }
    this.hash[n] = h;
    for (const term of terms) this.addTerm(term);
    if (joined) this.flex.add(n, joined);
  }

  remove(id: string): void {
    const n = this.numbers.get(id);
    if (n === undefined) return;
    this.flex.remove(n);
    this.numbers.delete(id);
    this.ids[n] = null;
    this.ownerCode[n] = -1;
    this.time[n] = 0;
    this.hash[n] = 0;
    this.free.push(n);
  }

  clear(): void {
    this.flex = newFlex();
    this.numbers.clear();
    this.ids = [];
    this.time = [];
    this.ownerCode = [];
    this.ownerNames = [];
    this.ownerCodes.clear();
    this.hash = [];
    this.free = [];
    this.vocab.clear();
    this.sorted = [];
  }

  private addTerm(term: string): void {
    if (this.vocab.has(term)) return;
    this.vocab.add(term);
    if (this.bulk || this.sorted === null) {
      this.sorted = null;
      return;
    }
    this.sorted.splice(lowerBound(this.sorted, term), 0, term);
  }

  private termsWithPrefix(prefix: string): string[] {
    this.sorted ??= [...this.vocab].sort();
    const terms: string[] = [];
    for (let i = lowerBound(this.sorted, prefix); i < this.sorted.length; i++) {
      const term = this.sorted[i] ?? '';
      if (!term.startsWith(prefix)) break;
      terms.push(term);
    }
    return terms;
  }

  /** FlexSearch's own array: read, never changed. */
  private postings(term: string): readonly number[] {
    return this.flex.search(term, { limit: ALL }) as number[];
  }

  /**
   * The documents having every one of `words` (folded terms, see queryWords) at the start of some
   * word, that `accept` lets through (by owner), best `limit` first.
   */
  search(words: readonly string[], accept: (owner: string) => boolean, limit: number): Ranked {
    if (words.length === 0) return { ids: [], total: 0 };
    const perWord = words.map((word) => {
      let exact: readonly number[] = [];
      const lists: (readonly number[])[] = [];
      let size = 0;
      for (const term of this.termsWithPrefix(word)) {
        const list = this.postings(term);
        if (list.length === 0) continue;
        if (term === word) exact = list;
        lists.push(list);
        size += list.length;
      }
      return { exact, lists, size };
    });
    if (perWord.some((w) => w.size === 0)) return { ids: [], total: 0 };
    // The rarest word first: it bounds the candidates.
    perWord.sort((a, b) => a.size - b.size);

    const count = this.ids.length;
    const hits = new Uint8Array(count); // words matched so far
    const exact = new Uint8Array(count); // of them, as whole words
    const candidates: number[] = [];
    perWord.forEach(({ lists }, w) => {
      for (const list of lists)
        for (const n of list) {
          if (hits[n] !== w) continue; // missed an earlier word, or already counted for this one
          hits[n] = w + 1;
          if (w === 0) candidates.push(n);
        }
    });
    const all = perWord.length;
    for (const { exact: list } of perWord)
      for (const n of list) if (hits[n] === all) exact[n] = (exact[n] ?? 0) + 1;

    const { time, ids, ownerCode, ownerNames } = this;
    const better = (a: number, b: number): boolean => {
      const ea = exact[a] ?? 0;
      const eb = exact[b] ?? 0;
      if (ea !== eb) return ea > eb;
      const ta = time[a] ?? 0;
      const tb = time[b] ?? 0;
      if (ta !== tb) return ta > tb;
      return (ids[a] ?? '') < (ids[b] ?? '');
    };
    // Whether each owner is accepted, asked once per owner: 0 not yet, 1 yes, 2 no.
    const allowed = new Uint8Array(ownerNames.length);
    // The best `limit`, kept sorted; most candidates lose to the last one and cost one comparison.
    const top: number[] = [];
    let total = 0;
    for (const n of candidates) {
      if (hits[n] !== all) continue;
      const code = ownerCode[n] ?? -1;
      if (code < 0) continue;
      let ok = allowed[code];
      if (ok === 0) allowed[code] = ok = accept(ownerNames[code] ?? '') ? 1 : 2;
      if (ok !== 1) continue;
      total++;
      if (top.length === limit && !better(n, top[limit - 1] ?? n)) continue;
      let i = Math.min(top.length, limit - 1);
      while (i > 0 && better(n, top[i - 1] ?? n)) i--;
      top.splice(i, 0, n);
      if (top.length > limit) top.pop();
    }
    return { ids: top.map((n) => this.ids[n] ?? ''), total };
  }

  async toSnapshot(): Promise<KindSnapshot> {
    const postings: [string, string][] = [];
    await this.flex.export((key: string, data: string) => {
      postings.push([key, data]);
    });
    return {
      ids: [...this.ids],
      time: [...this.time],
      owner: this.ownerCode.map((code) => this.ownerNames[code] ?? null),
      hash: [...this.hash],
      free: [...this.free],
      vocab: [...this.vocab],
      postings,
    };
  }

  /** Replaces the whole index with a snapshot (made by toSnapshot of the same format). */
  load(snapshot: KindSnapshot): void {
    this.clear();
    for (const [key, data] of snapshot.postings) this.flex.import(key, data);
    this.ids = snapshot.ids;
    this.time = snapshot.time;
    this.ownerCode = snapshot.owner.map((owner) => (owner === null ? -1 : this.codeOf(owner)));
    this.hash = snapshot.hash;
    this.free = snapshot.free;
    snapshot.ids.forEach((id, n) => {
      if (id !== null) this.numbers.set(id, n);
    });
    this.vocab = new Set(snapshot.vocab);
    this.sorted = [...this.vocab].sort(); // now, not on the first query
  }
}

function lowerBound(sorted: readonly string[], value: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] ?? '') < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
