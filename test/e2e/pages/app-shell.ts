/**
 * What every signed-in page shares: the sync strip (online/offline, changes waiting, last synced,
 * "Sincronizza ora") and the main navigation. Page objects extend it.
 */
import type { Locator, Page } from 'playwright-core';
import { escapeRegExp, pattern, source, text, type Lang, type MessageKey } from './texts.ts';

/** Generous: a first sync on a loaded 2-core CI machine can take a while; a passing run never waits this long. */
export const SYNC_TIMEOUT = 60_000;

/** In the page: how many changes the device's outbox holds (raw IndexedDB, no app code). */
function outboxCount(): Promise<number> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('traguardi');
    open.onerror = () => reject(open.error ?? new Error('indexedDB.open failed'));
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains('outbox')) {
        db.close();
        resolve(0);
        return;
      }
      const count = db.transaction('outbox').objectStore('outbox').count();
      count.onsuccess = () => {
        db.close();
        resolve(count.result);
      };
      count.onerror = () => {
        db.close();
        reject(count.error ?? new Error('outbox count failed'));
      };
    };
  });
}

export class AppShell {
  constructor(
    readonly page: Page,
    readonly lang: Lang = 'it',
  ) {}

  t(key: MessageKey, params: Record<string, string | number> = {}): string {
    return text(this.lang, key, params);
  }

  /**
   * The sync strip's status text: "In linea · Tutto sincronizzato · Ultima sincronizzazione: ora", the
   * one status of the header's region "Stato della sincronizzazione".
   */
  get syncRegion(): Locator {
    return this.page.getByRole('banner').getByRole('region', { name: this.t('sync.status'), exact: true });
  }

  get syncStatus(): Locator {
    return this.syncRegion.getByRole('status');
  }

  get syncNowButton(): Locator {
    return this.syncRegion.getByRole('button', { name: this.t('sync.now') });
  }

  get main(): Locator {
    return this.page.getByRole('main');
  }

  /**
   * A link of the main navigation; it may carry a count badge: "Sincronizza (2)", "Il mio lavoro
   * (3 promemoria)".
   */
  nav(key: MessageKey): Locator {
    return this.page
      .getByRole('navigation', { name: this.t('nav.label') })
      .getByRole('link', { name: new RegExp(`^${escapeRegExp(this.t(key))}(\\s*\\(\\d+[^)]*\\))?$`) });
  }

  /** A level-1 heading with this text (the page has rendered). */
  async waitForTitle(title: string | RegExp): Promise<void> {
    await this.main.getByRole('heading', { level: 1, name: title }).waitFor();
  }

  async syncText(): Promise<string> {
    return (await this.syncStatus.textContent())?.replace(/\s+/g, ' ').trim() ?? '';
  }

  /**
   * Waits until a sync has completed and nothing is waiting or running: online, "Tutto
   * sincronizzato", a last-sync time, and not "Sincronizzazione in corso".
   */
  async waitForSynced(timeout = SYNC_TIMEOUT): Promise<void> {
    const syncing = escapeRegExp(this.t('sync.syncing'));
    const re = new RegExp(
      `^(?!.*${syncing})${source(this.lang, 'sync.online')}.*${source(this.lang, 'sync.allSynced')}.*${source(this.lang, 'sync.lastSync')}`,
    );
    const synced = this.syncStatus.filter({ hasText: re });
    await synced.waitFor({ timeout });
    // The strip follows the outbox through a live query, a moment behind a change just queued: it can
    // still say "all synced" then. So the device's outbox itself must be empty too (and the strip
    // still say so once it is: the push has been answered).
    const deadline = Date.now() + timeout;
    while ((await this.page.evaluate(outboxCount)) !== 0) {
      if (Date.now() > deadline) throw new Error('waitForSynced: the outbox did not empty');
      await this.page.waitForTimeout(100);
    }
    await synced.waitFor({ timeout });
  }

  /** Waits until the strip says exactly `count` changes are waiting. */
  async waitForPending(count: number, timeout = SYNC_TIMEOUT): Promise<void> {
    const re =
      count === 0
        ? pattern(this.lang, 'sync.allSynced')
        : new RegExp(
            `(?<!\\d)${source(this.lang, count === 1 ? 'sync.pending.one' : 'sync.pending.other', { count: String(count) })}`,
          );
    await this.syncStatus.filter({ hasText: re }).waitFor({ timeout });
  }

  /** Waits for the strip to say the device is offline. */
  async waitForOffline(timeout = 10_000): Promise<void> {
    await this.syncStatus.filter({ hasText: pattern(this.lang, 'sync.offline') }).waitFor({ timeout });
  }

  /** Presses "Sincronizza ora" (once it is enabled) and waits for a completed, idle sync. */
  async syncNow(): Promise<void> {
    await this.syncNowButton.click();
    await this.waitForSynced();
  }

  /** "N elementi da rivedere" in the sync strip (conflicts + rejected), or 0 when absent. */
  async attentionCount(): Promise<number> {
    const re = new RegExp(
      `(${source(this.lang, 'sync.attention.one', { count: '(\\d+)' })})|(${source(this.lang, 'sync.attention.other', { count: '(\\d+)' })})`,
    );
    const match = re.exec(await this.syncText());
    return match ? Number(match[2] ?? match[4]) : 0;
  }
}
