/** Mounts a Preact tree into a fresh container for a component test; `cleanup` unmounts it. */
import { type ComponentChild, render } from 'preact';
import { act } from 'preact/test-utils';

export interface Mounted {
  container: HTMLElement;
  cleanup: () => void;
}

export async function mount(tree: ComponentChild): Promise<Mounted> {
  const container = document.createElement('div');
  document.body.append(container);
  await act(() => {
    render(tree, container);
  });
  return {
    container,
    cleanup: () => {
      render(null, container);
      container.remove();
    },
  };
}

/** Runs an interaction and lets Preact and pending promises settle. */
export async function interact(action: () => unknown): Promise<void> {
  await act(async () => {
    await action();
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

export function press(target: Element, key: string): void {
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
}

export function typeInto(input: HTMLInputElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

/** The visible text of an element, whitespace collapsed. */
export function textOf(element: Element | null | undefined): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}
