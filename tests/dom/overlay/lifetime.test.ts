import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLifetime } from '../../../lib/overlay/lifetime';
import { watchNavigation } from '../../../lib/overlay/navigation';

describe('createLifetime', () => {
  afterEach(() => vi.useRealTimers());

  it('runs its end callbacks once, in order, and at once when added after the end', () => {
    const life = createLifetime();
    const seen: string[] = [];
    life.onEnd(() => seen.push('a'));
    life.onEnd(() => seen.push('b'));
    expect(life.ended).toBe(false);
    life.end('first');
    life.end('second');
    expect(seen).toEqual(['a', 'b']);
    life.onEnd(() => seen.push('late'));
    expect(seen).toEqual(['a', 'b', 'late']);
    expect(life.ended).toBe(true);
  });

  it('still runs the other callbacks when one throws, and reports the error', () => {
    const life = createLifetime();
    const seen: string[] = [];
    // The error is re-thrown in a microtask (reported as an uncaught error): caught here instead.
    const report = vi.spyOn(globalThis, 'queueMicrotask').mockImplementation(() => undefined);
    life.onEnd(() => {
      throw new Error('boom');
    });
    life.onEnd(() => seen.push('after'));
    expect(() => life.end('done')).not.toThrow();
    expect(seen).toEqual(['after']);
    expect(report).toHaveBeenCalledTimes(1);
    report.mockRestore();
  });

  it('makes its signal only on demand, aborted with the reason, also when asked after the end', () => {
    const before = createLifetime();
    const signal = before.signal;
    expect(signal.aborted).toBe(false);
    expect(before.signal).toBe(signal);
    before.end('navigated');
    expect(signal.aborted).toBe(true);
    expect(signal.reason).toBe('navigated');

    const after = createLifetime();
    after.end('replaced');
    expect(after.signal.aborted).toBe(true);
    expect(after.signal.reason).toBe('replaced');
  });

  it('clears its timers when it ends', () => {
    vi.useFakeTimers();
    const life = createLifetime();
    const fired = vi.fn();
    life.later(fired, 100);
    life.end('gone');
    vi.advanceTimersByTime(200);
    expect(fired).not.toHaveBeenCalled();
    life.later(fired, 10);
    vi.advanceTimersByTime(20);
    expect(fired).not.toHaveBeenCalled();
  });
});

describe('watchNavigation', () => {
  it('reports an address change (not a hash change) after popstate, and stops listening when its lifetime ends', () => {
    const life = createLifetime();
    const changes: string[] = [];
    const start = location.href;
    watchNavigation(life, (url) => changes.push(url));
    history.pushState(null, '', '#section');
    dispatchEvent(new PopStateEvent('popstate'));
    expect(changes).toEqual([]);
    history.pushState(null, '', '/other-page');
    dispatchEvent(new PopStateEvent('popstate'));
    expect(changes).toEqual([new URL('/other-page', start).href]);
    life.end('gone');
    history.pushState(null, '', '/third-page');
    dispatchEvent(new PopStateEvent('popstate'));
    expect(changes).toHaveLength(1);
  });
});
