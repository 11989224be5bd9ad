/**
 * Single-page navigation: the page's address changing other than by its hash (pushState,
 * replaceState, back and forward). The Navigation API's `currententrychange` fires after the URL
 * has changed (its `navigate` event fires before, when `location` still shows the old page);
 * without it, `popstate` and a 1 s poll catch the change.
 */
import type { Lifetime } from './lifetime';

export const withoutHash = (url: string): string => url.split('#')[0] ?? url;

interface NavigationLike {
  addEventListener(type: 'currententrychange', listener: () => void): void;
  removeEventListener(type: 'currententrychange', listener: () => void): void;
}

/** Calls `onChange(url)` with the new address (hash removed) after each navigation within the page. */
export function watchNavigation(life: Lifetime, onChange: (url: string) => void): void {
  let current = withoutHash(location.href);
  const check = () => {
    if (life.ended) return;
    const now = withoutHash(location.href);
    if (now === current) return;
    current = now;
    onChange(now);
  };
  const navigation = (globalThis as { navigation?: NavigationLike }).navigation;
  if (typeof navigation?.addEventListener === 'function') {
    navigation.addEventListener('currententrychange', check);
    life.onEnd(() => navigation.removeEventListener('currententrychange', check));
  } else {
    const id = setInterval(check, 1000);
    life.onEnd(() => clearInterval(id));
  }
  // Removed through onEnd, not an AbortSignal: see createLifetime.
  addEventListener('popstate', check);
  life.onEnd(() => removeEventListener('popstate', check));
}
