/** A phase: status and percent controls, notes with photos, conflicts, history. */
import type { Locator, Page } from 'playwright-core';
import type { PhaseStatus } from '../../../src/domain/plan.ts';
import { AppShell, SYNC_TIMEOUT } from './app-shell.ts';
import { escapeRegExp, pattern, type Lang } from './texts.ts';

export interface PhotoFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

const STATUSES: readonly PhaseStatus[] = ['not_started', 'in_progress', 'done', 'blocked', 'cancelled'];

export class PhasePage extends AppShell {
  constructor(page: Page, lang: Lang = 'it') {
    super(page, lang);
  }

  async goto(id: string): Promise<void> {
    await this.page.goto(`/fasi/${encodeURIComponent(id)}`);
    await this.waitForLoaded();
  }

  async waitForLoaded(): Promise<void> {
    await this.statusRegion.waitFor();
  }

  get statusRegion(): Locator {
    return this.main.getByRole('region', { name: this.t('phase.status'), exact: true });
  }

  /** The status buttons ("Stato: Obiettivo 1 · Fase 1"); absent when the user may only read. */
  get statusButtons(): Locator {
    return this.statusRegion.getByRole('group', {
      name: new RegExp(`^${escapeRegExp(this.t('phase.status'))}:`),
    });
  }

  statusButton(status: PhaseStatus): Locator {
    return this.statusButtons.getByRole('button', { name: this.t(`status.${status}`), exact: true });
  }

  /** The live message under the controls ("Salvato sul dispositivo…" or an error). */
  get controlMessage(): Locator {
    return this.statusRegion.getByRole('status');
  }

  /** The status shown as pressed in the controls. */
  async currentStatus(): Promise<PhaseStatus | null> {
    for (const status of STATUSES) {
      const button = this.statusButton(status);
      if ((await button.count()) > 0 && (await button.getAttribute('aria-pressed')) === 'true') return status;
    }
    return null;
  }

  /** Waits until `status` is the pressed one. */
  async waitForStatus(status: PhaseStatus, timeout = SYNC_TIMEOUT): Promise<void> {
    await this.statusButtons
      .getByRole('button', { name: this.t(`status.${status}`), exact: true, pressed: true })
      .waitFor({ timeout });
  }

  /** The percent written beside the status: "Avanzamento: 60%". */
  async shownPercent(): Promise<number | null> {
    const re = new RegExp(`${escapeRegExp(this.t('phase.percent'))}:\\s*(\\d+)\\s*%`);
    const match = re.exec((await this.statusRegion.textContent()) ?? '');
    return match ? Number(match[1]) : null;
  }

  async waitForPercent(percent: number, timeout = SYNC_TIMEOUT): Promise<void> {
    const re = new RegExp(`${escapeRegExp(this.t('phase.percent'))}:\\s*${percent}\\s*%`);
    await this.statusRegion.getByRole('paragraph').filter({ hasText: re }).waitFor({ timeout });
  }

  /** Taps a status button and waits for "saved on the device". */
  async setStatus(status: PhaseStatus): Promise<void> {
    await this.statusButton(status).click();
    await this.waitForStatus(status);
    await this.controlMessage.filter({ hasText: this.t('phase.saved') }).waitFor();
  }

  get percentSlider(): Locator {
    return this.statusRegion.getByRole('slider', { name: this.t('phase.percentLabel') });
  }

  /** Picks a percent (a quick button for 0/25/50/75/100, else the slider by keyboard) and presses "Imposta". */
  async setPercent(percent: number): Promise<void> {
    const quick = this.statusRegion.getByRole('button', { name: new RegExp(`^${percent}\\s*%$`) });
    if ([0, 25, 50, 75, 100].includes(percent)) await quick.click();
    else {
      await this.percentSlider.focus();
      await this.page.keyboard.press('Home');
      for (let v = 0; v < percent; v += 5) await this.page.keyboard.press('ArrowRight');
    }
    await this.statusRegion.getByRole('button', { name: this.t('phase.setPercent'), exact: true }).click();
    await this.waitForPercent(percent);
    await this.controlMessage.filter({ hasText: this.t('phase.saved') }).waitFor();
  }

  get notesRegion(): Locator {
    return this.main.getByRole('region', { name: this.t('notes.title'), exact: true });
  }

  get noteComposer(): Locator {
    return this.notesRegion.getByRole('form', { name: this.t('notes.add') });
  }

  /** Writes a note, attaches the photos (as the camera would), saves it, waits for "Nota salvata". */
  async addNote(text: string, photos: readonly PhotoFile[] = []): Promise<void> {
    await this.noteComposer.getByLabel(this.t('notes.text')).fill(text);
    if (photos.length > 0) {
      await this.noteComposer.getByLabel(this.t('notes.photo'), { exact: true }).setInputFiles([...photos]);
      // The photos are resized on the device; each preview gets a "remove" button when ready.
      await this.noteComposer
        .getByRole('button', { name: this.t('notes.removePhoto', { number: photos.length }) })
        .waitFor();
    }
    await this.noteComposer.getByRole('button', { name: this.t('notes.submit') }).click();
    await this.noteComposer
      .getByRole('status')
      .filter({ hasText: this.t('notes.saved') })
      .waitFor();
  }

  /** A note of the thread, found by its text. */
  note(text: string): Locator {
    return this.notesRegion.getByRole('listitem').filter({ hasText: text });
  }

  /** The photos of a note (their alt text names the author). */
  notePhotos(text: string): Locator {
    return this.note(text).getByRole('img', { name: pattern(this.lang, 'notes.photoAlt') });
  }

  /** "in attesa di invio" on a note not yet acknowledged by the server. */
  notePending(text: string): Locator {
    return this.note(text).getByText(this.t('notes.pending'));
  }

  get conflictsRegion(): Locator {
    return this.main.getByRole('region', { name: this.t('phase.conflicts'), exact: true });
  }

  get historyRegion(): Locator {
    return this.main.getByRole('region', { name: this.t('phase.history'), exact: true });
  }
}

/** Waits until every image of `images` has loaded with real pixels; returns their natural sizes. */
export async function waitForImagesLoaded(
  images: Locator,
  timeout = 30_000,
): Promise<{ width: number; height: number }[]> {
  const count = await images.count();
  const sizes: { width: number; height: number }[] = [];
  for (let i = 0; i < count; i += 1) {
    const handle = await images.nth(i).elementHandle({ timeout });
    if (!handle) throw new Error('image vanished');
    await handle.waitForElementState('visible', { timeout });
    // Photos load lazily: bring each into view as a reader scrolling the thread would.
    await handle.scrollIntoViewIfNeeded({ timeout });
    await images
      .page()
      .waitForFunction(
        (img) => img instanceof HTMLImageElement && img.complete && img.naturalWidth > 0,
        handle,
        { timeout },
      );
    sizes.push(
      await handle.evaluate((img) => ({
        width: (img as HTMLImageElement).naturalWidth,
        height: (img as HTMLImageElement).naturalHeight,
      })),
    );
  }
  return sizes;
}
