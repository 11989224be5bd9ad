// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { claimNote, responseNote } from './fixtures';
import { click, key, mount, pointerdown, unmountAll } from './mount';

afterEach(unmountAll);

describe('Overlay unplaced notes', () => {
  it('shows no pill when every note is placed', async () => {
    const { shadow } = await mount();
    expect(shadow.querySelector('.cp-pill')).toBeNull();
  });

  it('shows a pill with the count that lists each note and opens it in the panel', async () => {
    const { shadow } = await mount({
      placed: [],
      unplaced: [{ note: claimNote, reason: 'The passage was not found on this page.' }],
    });
    const pill = shadow.querySelector<HTMLButtonElement>('button.cp-pill');
    expect(pill?.textContent).toBe('1 more note not placed on this page');
    if (!pill) throw new Error('no pill');
    await click(pill);
    expect(pill.getAttribute('aria-expanded')).toBe('true');
    const panel = shadow.querySelector('.cp-panel');
    expect(panel?.textContent).toContain('Disputed by Global Times');
    expect(panel?.textContent).toContain('The passage was not found on this page.');
    const open = panel?.querySelector<HTMLButtonElement>('button.cp-open');
    if (!open) throw new Error('no open button');
    await click(open);
    const card = panel?.querySelector('.cp-note');
    expect(card?.getAttribute('role')).toBe('dialog');
    expect(card?.textContent).toContain('No such pledge was asked of US firms.');
    await key(shadow.activeElement ?? document, 'Escape');
    expect(shadow.querySelector('.cp-panel .cp-note')).toBeNull();
    expect(shadow.activeElement).toBe(open);
    await key(open, 'Escape');
    expect(shadow.querySelector('.cp-panel')).toBeNull();
    expect(shadow.activeElement).toBe(pill);
  });

  it('counts several unplaced notes in the plural', async () => {
    const { shadow } = await mount({
      unplaced: [
        { note: claimNote, reason: 'a' },
        { note: responseNote, reason: 'b' },
      ],
    });
    expect(shadow.querySelector('.cp-pill')?.textContent).toBe('2 more notes not placed on this page');
  });

  it('closes the panel on a pointerdown outside', async () => {
    const { shadow } = await mount({ unplaced: [{ note: claimNote, reason: 'a' }] });
    const pill = shadow.querySelector<HTMLButtonElement>('button.cp-pill');
    if (!pill) throw new Error('no pill');
    await click(pill);
    expect(shadow.querySelector('.cp-panel')).not.toBeNull();
    await pointerdown(document.body);
    expect(shadow.querySelector('.cp-panel')).toBeNull();
  });
});
