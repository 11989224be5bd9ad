/** Anchoring in slices: the same places as in one go, and never a place from a page that changed in a pause. */
import { describe, expect, it } from 'vitest';
import type { NoteView } from '../../../lib/core/notes';
import { anchorNotes, anchorNotesInSlices } from '../../../lib/dom/anchor';

function note(exact: string, key: string): NoteView {
  return { key, claim: key, dispute: 'd', topic: 't', side: 'claim', counters: [], quotes: [{ exact }] };
}

const PARAGRAPHS = [
  'According to three people with knowledge of the letter, the document asked US tech companies to promise that they would not harm China\u2019s national security.',
  'The letter was sent by the China Information Technology Security Evaluation Center, most likely under pressure from China\u2019s main Internet regulator.',
  'Companies that do not comply could face fresh restrictions or penalties, the people said, though none of them would describe what those might be.',
];
const NOTES = [
  note('they would not harm China\u2019s national security', 'terms'),
  // Edited, so found approximately.
  note('most likely under strong pressure from China\u2019s main Internet regulator', 'sender'),
  note('could bring fresh restrictions or penalties', 'penalties'),
  { ...note('', 'none'), quotes: [] },
];

function load(): Element {
  document.body.innerHTML = `<article>${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}</article>`;
  return document.body;
}

const summary = (anchoring: Awaited<ReturnType<typeof anchorNotesInSlices>>) => ({
  placed: anchoring.placed.map((p) => [p.note.key, p.how, p.passage]),
  unplaced: anchoring.unplaced.map((u) => [u.note.key, u.reason]),
});

describe('anchorNotesInSlices', () => {
  it('pauses between notes and finds what anchorNotes finds in one go', async () => {
    const root = load();
    const whole = anchorNotes(root, NOTES, PARAGRAPHS.join('\n'));
    let pauses = 0;
    const sliced = await anchorNotesInSlices(root, NOTES, PARAGRAPHS.join('\n'), {}, async () => {
      pauses += 1;
    });
    expect(pauses).toBe(NOTES.length);
    expect(summary(sliced)).toEqual(summary(whole));
    expect(sliced.placed.map((p) => p.note.key)).toEqual(['terms', 'sender', 'penalties']);
  });

  it('anchors again on the changed page when the page changed during a pause', async () => {
    const root = load();
    let pauses = 0;
    const sliced = await anchorNotesInSlices(root, NOTES, PARAGRAPHS.join('\n'), {}, async () => {
      // The page edits the first paragraph's text after the text map was made: offsets into that
      // text node from the old map would now be off by the length of what was put before them.
      if ((pauses += 1) === 2) {
        const text = root.querySelector('p')!.firstChild as Text;
        text.data = `Updated at 10:42. ${text.data}`;
      }
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    expect(summary(sliced)).toEqual(summary(anchorNotes(root, NOTES, PARAGRAPHS.join('\n'))));
    const terms = sliced.placed.find((p) => p.note.key === 'terms')!;
    expect(terms.range.toString()).toBe('they would not harm China\u2019s national security');
    const penalties = sliced.placed.find((p) => p.note.key === 'penalties');
    if (penalties) expect(penalties.range.toString()).toContain('restrictions or penalties');
  });
});
