// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { claimNote, responseNote, withSummary } from './fixtures';
import { badge, badges, cards, click, key, mount, pointerdown, unmountAll } from './mount';

afterEach(unmountAll);

describe('Overlay badges', () => {
  it('renders a badge per placed note at its position, naming the other outlet', async () => {
    const { shadow } = await mount();
    const [first, second] = badges(shadow);
    expect(badges(shadow)).toHaveLength(2);
    expect(first?.style.top).toBe('120px');
    expect(first?.style.left).toBe('700px');
    expect(second?.style.top).toBe('400px');
    expect(first?.textContent).toContain('Global Times');
    expect(second?.textContent).toContain('The New York Times');
    expect(first?.getAttribute('type')).toBe('button');
    expect(first?.dataset.noteKey).toBe(claimNote.key);
    expect(first?.getAttribute('aria-label')).toBe('Disputed by Global Times: open note');
    expect(first?.getAttribute('aria-expanded')).toBe('false');
    expect(first?.querySelector('[aria-hidden="true"]')).not.toBeNull();
    expect(cards(shadow)).toHaveLength(0);
  });

  it('opens the note card on click, with heading, summary, source and no-link line', async () => {
    const { shadow } = await mount();
    await click(badge(shadow, 0));
    const [card] = cards(shadow);
    if (!card) throw new Error('no card');
    expect(card.getAttribute('role')).toBe('dialog');
    expect(card.dataset.noteKey).toBe(claimNote.key);
    const heading = card.querySelector('h2');
    expect(heading?.textContent).toBe('Disputed by Global Times');
    expect(card.getAttribute('aria-labelledby')).toBe(heading?.id);
    const text = card.textContent ?? '';
    expect(text).toContain('What Global Times says:');
    expect(text).toContain('No such pledge was asked of US firms.');
    expect(text).toContain('Source: An official of a related government department who asked for anonymity · not named');
    expect(text).toContain('No web address known');
    expect(text).toContain('19 Sep 2015');
    expect(text).toContain('disputes');
    expect(text).toContain('recognised by its address');
    expect(card.querySelector('a')).toBeNull();
    expect(badge(shadow, 0).getAttribute('aria-expanded')).toBe('true');
    expect(badge(shadow, 0).getAttribute('aria-controls')).toBe(card.id);
    expect(shadow.activeElement).toBe(heading);
    // Opens below the badge.
    expect(card.style.top).toBe(`${120 + 28}px`);
  });

  it('shows a response note with its link, "reported" wording and date', async () => {
    const { shadow } = await mount();
    await click(badge(shadow, 1));
    const [card] = cards(shadow);
    expect(card?.querySelector('h2')?.textContent).toBe('Responds to The New York Times');
    expect(card?.textContent).toContain('What The New York Times reported:');
    expect(card?.textContent).toContain('16 Sep 2015');
    expect(card?.textContent).not.toContain('not named');
    const link = card?.querySelector('a');
    expect(link?.getAttribute('href')).toBe('https://www.nytimes.com/x.html#:~:text=abc');
    expect(link?.getAttribute('target')).toBe('_blank');
    expect(link?.getAttribute('rel')).toBe('noopener noreferrer');
    expect(link?.textContent).toContain('Read in The New York Times');
  });

  it('opens on Enter on a focused badge, and toggles closed on a second click', async () => {
    const { shadow } = await mount();
    const first = badge(shadow, 0);
    first.focus();
    await key(first, 'Enter');
    expect(cards(shadow)).toHaveLength(1);
    await click(first);
    expect(cards(shadow)).toHaveLength(0);
    expect(shadow.activeElement).toBe(first);
    await key(first, ' ');
    expect(cards(shadow)).toHaveLength(1);
  });

  it('keeps one card open at a time', async () => {
    const { shadow } = await mount();
    await click(badge(shadow, 0));
    await click(badge(shadow, 1));
    const open = cards(shadow);
    expect(open).toHaveLength(1);
    expect(open[0]?.dataset.noteKey).toBe(responseNote.key);
    expect(badge(shadow, 0).getAttribute('aria-expanded')).toBe('false');
    expect(badge(shadow, 1).getAttribute('aria-expanded')).toBe('true');
  });

  it('closes on Esc and returns focus to the badge', async () => {
    const { shadow } = await mount();
    await click(badge(shadow, 0));
    const focused = shadow.activeElement;
    expect(focused?.tagName).toBe('H2');
    await key(focused ?? document, 'Escape');
    expect(cards(shadow)).toHaveLength(0);
    expect(shadow.activeElement).toBe(badge(shadow, 0));
  });

  it('closes with the close button and returns focus to the badge', async () => {
    const { shadow } = await mount();
    await click(badge(shadow, 0));
    const close = shadow.querySelector<HTMLButtonElement>('.cp-note button[aria-label="Close note"]');
    expect(close?.textContent).toBe('×');
    if (!close) throw new Error('no close button');
    await click(close);
    expect(cards(shadow)).toHaveLength(0);
    expect(shadow.activeElement).toBe(badge(shadow, 0));
  });

  it('closes on a pointerdown outside, not on one inside the card', async () => {
    const { shadow } = await mount();
    await click(badge(shadow, 0));
    const card = cards(shadow)[0];
    if (!card) throw new Error('no card');
    await pointerdown(card.querySelector('p') ?? card);
    expect(cards(shadow)).toHaveLength(1);
    await pointerdown(document.body);
    expect(cards(shadow)).toHaveLength(0);
  });

  it('renders dataset strings as literal text, never as markup', async () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const { shadow } = await mount({
      placed: [{ note: withSummary(claimNote, hostile), passage: '<b>p</b>', top: 10, left: 10 }],
    });
    await click(badge(shadow, 0));
    const card = cards(shadow)[0];
    expect(card?.textContent).toContain(hostile);
    expect(card?.textContent).toContain('<b>p</b>');
    expect(shadow.querySelector('img')).toBeNull();
    expect(shadow.querySelector('b')).toBeNull();
  });

  it('keeps the card inside the viewport horizontally', async () => {
    const { shadow } = await mount({ placed: [{ note: claimNote, passage: 'x', top: 10, left: 5000 }] });
    await click(badge(shadow, 0));
    const left = Number.parseFloat(cards(shadow)[0]?.style.left ?? 'NaN');
    const width = document.documentElement.clientWidth || window.innerWidth;
    expect(left).toBeLessThanOrEqual(width - 12 - Math.min(340, width - 24));
    expect(left).toBeGreaterThanOrEqual(12);
  });

  it('sets the theme on its root element', async () => {
    const { shadow, rerender } = await mount({ theme: 'dark' });
    expect(shadow.querySelector('.cp-root')?.getAttribute('data-theme')).toBe('dark');
    await rerender({ theme: 'light' });
    expect(shadow.querySelector('.cp-root')?.getAttribute('data-theme')).toBe('light');
  });

  it('keeps focus where it is when Esc comes from outside the overlay', async () => {
    const { shadow } = await mount();
    await click(badge(shadow, 0));
    const outside = document.createElement('button');
    document.body.append(outside);
    outside.focus();
    await key(outside, 'Escape');
    expect(cards(shadow)).toHaveLength(0);
    expect(document.activeElement).toBe(outside);
    outside.remove();
  });

  it('treats the same note placed twice as two badges', async () => {
    const { shadow } = await mount({
      placed: [
        { note: claimNote, passage: 'a', top: 10, left: 10 },
        { note: claimNote, passage: 'b', top: 50, left: 10 },
      ],
    });
    await click(badge(shadow, 1));
    expect(badge(shadow, 0).getAttribute('aria-expanded')).toBe('false');
    expect(badge(shadow, 1).getAttribute('aria-expanded')).toBe('true');
    expect(cards(shadow)[0]?.style.top).toBe(`${50 + 28}px`);
  });
});
