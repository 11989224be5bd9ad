import { describe, expect, it } from 'vitest';
import {
  matchLine,
  clampCardLeft,
  formatDate,
  howPhrase,
  outletLabel,
  safeHttpUrl,
  sourceLine,
  truncate,
  unplacedSummary,
} from '../../../components/format';
import { OVERLAY_CSS } from '../../../components/overlay.css';

describe('format', () => {
  it('formats dates with a fixed English month table', () => {
    expect(formatDate('2015-09-19')).toBe('19 Sep 2015');
    expect(formatDate('2015-01-01T10:00:00Z')).toBe('1 Jan 2015');
    expect(formatDate('2015-12-31')).toBe('31 Dec 2015');
    expect(formatDate('2015-13-01')).toBe('2015-13-01');
    expect(formatDate('yesterday')).toBe('yesterday');
  });

  it('shortens a long list of outlets to the first + N', () => {
    expect(outletLabel(['Global Times'])).toBe('Global Times');
    expect(outletLabel(['Global Times', 'Global Times'])).toBe('Global Times');
    expect(outletLabel(['BBC', 'AP'])).toBe('BBC, AP');
    expect(outletLabel(['Global Times', 'The New York Times', 'Reuters'])).toBe('Global Times +2');
    expect(outletLabel(['A very long outlet name indeed, really'])).toBe('A very long outlet name indeed, really');
    expect(outletLabel([])).toBe('');
  });

  it('phrases how the article was recognised', () => {
    expect(howPhrase('url')).toBe('recognised by its address');
    expect(howPhrase('canonical')).toBe('recognised by its canonical address');
    expect(howPhrase('copy')).toBe('recognised as a copy of the original');
  });

  it('counts unplaced notes', () => {
    expect(unplacedSummary(1)).toBe('1 more note not placed on this page');
    expect(unplacedSummary(3)).toBe('3 more notes not placed on this page');
  });

  it('marks unnamed sources', () => {
    expect(sourceLine({ text: 'A spokesman', type: 'person', named: false })).toBe('Source: A spokesman · not named');
    expect(sourceLine({ text: 'Hua Chunying', type: 'official', named: true })).toBe('Source: Hua Chunying');
  });

  it('lets only http(s) links through', () => {
    expect(safeHttpUrl('https://www.nytimes.com/x.html#:~:text=abc')).toBe('https://www.nytimes.com/x.html#:~:text=abc');
    expect(safeHttpUrl('javascript:alert(1)')).toBeNull();
    expect(safeHttpUrl('not a url')).toBeNull();
    expect(safeHttpUrl(null)).toBeNull();
  });

  it('truncates with an ellipsis', () => {
    expect(truncate('short', 10)).toBe('short');
    expect(truncate('a  b\n c', 10)).toBe('a b c');
    expect(truncate('abcdefghijkl', 6)).toBe('abcde…');
  });

  it('clamps the card into the viewport', () => {
    expect(clampCardLeft(100, 1200)).toBe(100);
    expect(clampCardLeft(1100, 1200)).toBe(1200 - 12 - 340);
    expect(clampCardLeft(-50, 1200)).toBe(12);
    expect(clampCardLeft(300, 320)).toBe(12);
    expect(clampCardLeft(5000, 1200, 400)).toBe(400 + 1200 - 12 - 340);
  });
});

describe('OVERLAY_CSS', () => {
  it('is self-contained and themed on the root element', () => {
    expect(OVERLAY_CSS).not.toMatch(/@import|@font-face|:root\b/);
    expect(OVERLAY_CSS).toContain('.cp-root[data-theme="dark"]');
    expect(OVERLAY_CSS).toContain(':focus-visible');
    expect(OVERLAY_CSS).toContain('prefers-reduced-motion');
    expect(OVERLAY_CSS).toMatch(/\.cp-pill\{[^}]*position:fixed/);
    expect(OVERLAY_CSS).toMatch(/\.cp-note\{[^}]*max-height:60vh/);
  });
});


describe('matchLine', () => {
  it('says nothing for an exact quote', () => {
    expect(matchLine(undefined)).toBeNull();
    expect(matchLine({ how: 'quote', confidence: 1 })).toBeNull();
  });

  it('tells the reader when a passage was found approximately, changed, or is only similar', () => {
    expect(matchLine({ how: 'fuzzy', confidence: 0.868 })).toBe('Found approximately (87% match).');
    expect(matchLine({ how: 'fuzzy', confidence: 0.8, changed: true })).toContain('This passage has changed since it was quoted');
    expect(matchLine({ how: 'similar', confidence: 0.831 })).toBe(
      'A similar claim was disputed: this article is not in the dataset, but this passage repeats the claim (83% match).',
    );
  });
});
