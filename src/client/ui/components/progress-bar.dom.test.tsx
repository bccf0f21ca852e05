// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { render, type Rendered } from '../testing/render.tsx';
import { ProgressBar } from './progress-bar.tsx';

let view: Rendered | null = null;
afterEach(() => view?.unmount());

describe('ProgressBar', () => {
  it('writes actual and expected progress and the gap as text, not only as a bar', async () => {
    view = await render(<ProgressBar value={45.4} expected={60} />);
    const text = view.container.textContent ?? '';
    expect(text).toContain('Avanzamento 45%');
    expect(text).toContain('atteso 60%');
    expect(text).toContain('indietro di 15 punti');
    // The drawing is decorative: the numbers above are what assistive technology reads.
    expect(view.container.querySelector('.progress-track')?.getAttribute('aria-hidden')).toBe('true');
    expect(view.container.querySelector<HTMLElement>('.progress-fill')?.style.width).toBe('45%');
    expect(view.container.querySelector<HTMLElement>('.progress-marker')?.style.left).toBe('60%');
  });

  it('says "not evaluated" for an objective that does not count', async () => {
    view = await render(<ProgressBar value={null} expected={null} />, { language: 'en' });
    expect(view.container.textContent).toContain('not evaluated');
    expect(view.container.querySelector('.progress-track')).toBeNull();
  });
});
