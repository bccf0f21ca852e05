/** What a user does in a *.dom.test.tsx: type in a field, click a button by its text, submit a form. */
import { act } from 'react';

export function button(container: HTMLElement, text: string): HTMLButtonElement {
  const found = [...container.querySelectorAll('button')].find((b) => b.textContent === text);
  if (!found) throw new Error(`no button "${text}" in: ${container.textContent ?? ''}`);
  return found;
}

export async function click(container: HTMLElement, text: string): Promise<void> {
  await act(async () => button(container, text).click());
}

export async function type(field: Element | null, value: string): Promise<void> {
  if (!(field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement))
    throw new Error('no field');
  await act(async () => {
    // React listens to the native setter's input event.
    const proto =
      field instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
    Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(field, value);
    field.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

export async function submit(form: HTMLFormElement | null): Promise<void> {
  if (!form) throw new Error('no form');
  await act(async () => form.requestSubmit());
}
