/** Mounting the Overlay into a real open shadow root, and dispatching events at it, for the DOM tests. */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { Overlay, type OverlayProps } from '../../../components/Overlay';
import { OVERLAY_CSS } from '../../../components/overlay.css';
import { article, claimNote, responseNote } from './fixtures';

export interface Mounted {
  host: HTMLElement;
  shadow: ShadowRoot;
  rerender: (props: Partial<OverlayProps>) => Promise<void>;
}

const mounted: Array<{ host: HTMLElement; container: HTMLElement }> = [];

export async function mount(props: Partial<OverlayProps> = {}): Promise<Mounted> {
  const host = document.createElement('div');
  document.body.append(host);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = OVERLAY_CSS;
  const container = document.createElement('div');
  shadow.append(style, container);
  mounted.push({ host, container });
  let current: OverlayProps = {
    article,
    placed: [
      { note: claimNote, passage: 'pledge of compliance', top: 120, left: 700 },
      { note: responseNote, passage: 'groundless', top: 400, left: 710 },
    ],
    unplaced: [],
    theme: 'light',
    ...props,
  };
  await act(() => render(<Overlay {...current} />, container));
  return {
    host,
    shadow,
    rerender: async (next) => {
      current = { ...current, ...next };
      await act(() => render(<Overlay {...current} />, container));
    },
  };
}

/** Unmounts everything `mount` rendered; call from afterEach. */
export async function unmountAll(): Promise<void> {
  for (const { host, container } of mounted.splice(0)) {
    await act(() => render(null, container));
    host.remove();
  }
}

export const badges = (shadow: ShadowRoot) => [...shadow.querySelectorAll<HTMLButtonElement>('button.cp-badge')];
export const cards = (shadow: ShadowRoot) => [...shadow.querySelectorAll<HTMLElement>('.cp-note')];
export function badge(shadow: ShadowRoot, index: number): HTMLButtonElement {
  const found = badges(shadow)[index];
  if (!found) throw new Error(`no badge ${index}`);
  return found;
}
export async function click(element: HTMLElement) {
  await act(() => element.click());
}
export async function key(element: EventTarget, value: string) {
  await act(() => {
    element.dispatchEvent(new KeyboardEvent('keydown', { key: value, bubbles: true, composed: true, cancelable: true }));
  });
}
export async function pointerdown(element: EventTarget) {
  await act(() => {
    element.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true, cancelable: true }));
  });
}

