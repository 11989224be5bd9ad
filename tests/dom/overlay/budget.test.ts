import { afterEach, describe, expect, it } from 'vitest';
import { MAX_TEXT } from '../../../lib/core/limits';
import { overBudget } from '../../../lib/overlay/budget';

afterEach(() => document.body.replaceChildren());

const paragraph = (text: string) => Object.assign(document.createElement('p'), { textContent: text });

describe('overBudget', () => {
  it('takes on a page whose text is within the limit', () => {
    document.body.append(paragraph('x'.repeat(MAX_TEXT)));
    expect(overBudget(document)).toBeNull();
  });

  it('gives up on a page with more visible text than the limit', () => {
    document.body.append(paragraph('x'.repeat(MAX_TEXT / 2)), paragraph('y'.repeat(MAX_TEXT / 2 + 1)));
    expect(overBudget(document)).toMatch(/characters of text/);
  });

  it('does not count script text, which the page does not show', () => {
    const script = Object.assign(document.createElement('script'), { type: 'application/json', textContent: 'z'.repeat(MAX_TEXT) });
    document.body.append(script, paragraph('visible text'));
    expect(overBudget(document)).toBeNull();
  });

  it('decides the same with the text length the caller measured as by measuring it itself', () => {
    document.body.append(paragraph('x'.repeat(MAX_TEXT / 2)), paragraph('y'.repeat(MAX_TEXT / 2 + 1)));
    expect(overBudget(document, document.body.textContent!.length)).toBe(overBudget(document));
    document.body.replaceChildren(paragraph('visible text'));
    expect(overBudget(document, document.body.textContent!.length)).toBe(overBudget(document));
  });
});
