import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Highlighter } from '../../../lib/dom/highlight';

// happy-dom has constructed stylesheets but not the Custom Highlight API: a minimal registry stands in.
beforeEach(() => {
  if (!('highlights' in CSS)) vi.stubGlobal('CSS', Object.assign(Object.create(CSS) as object, { highlights: new Map() }));
  if (typeof Highlight === 'undefined') vi.stubGlobal('Highlight', class { constructor(..._ranges: Range[]) {} });
});
afterEach(() => {
  vi.unstubAllGlobals();
  document.adoptedStyleSheets = [];
});

function passage(): Range {
  document.body.textContent = 'A disputed passage.';
  const range = document.createRange();
  range.selectNodeContents(document.body);
  return range;
}

describe('Highlighter', () => {
  it('adopts its stylesheet once, beside the page’s own', () => {
    const own = new CSSStyleSheet();
    document.adoptedStyleSheets = [own];
    const highlighter = new Highlighter(document);
    highlighter.show([passage()]);
    highlighter.show([passage()]);
    highlighter.keepStyle();
    expect(document.adoptedStyleSheets).toHaveLength(2);
    expect(document.adoptedStyleSheets[0]).toBe(own);
  });

  it('adopts it again when the page replaces document.adoptedStyleSheets, keeping the page’s new sheets', () => {
    const highlighter = new Highlighter(document);
    highlighter.show([passage()]);
    const ours = document.adoptedStyleSheets[0];
    const theirs = new CSSStyleSheet();
    document.adoptedStyleSheets = [theirs];
    highlighter.keepStyle();
    expect(document.adoptedStyleSheets).toEqual([theirs, ours]);
  });

  it('adopts nothing again after clear', () => {
    const highlighter = new Highlighter(document);
    highlighter.show([passage()]);
    highlighter.clear();
    highlighter.keepStyle();
    expect(document.adoptedStyleSheets).toHaveLength(0);
  });
});
