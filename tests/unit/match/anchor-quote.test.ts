import { describe, expect, it } from 'vitest';
import { matchQuote } from '../../../lib/core/match/anchor-quote';
import { normalise } from '../../../lib/core/text/normalise';

const ARTICLE = normalise(
  'BEIJING - The Chinese government has quietly asked a group of American technology companies to put in writing that they will go along with its rules. ' +
    'According to three people with knowledge of the letter, the document asked US tech companies to promise that they would not harm China\u2019s national security and would store Chinese user data within the country. ' +
    'The letter was sent by the China Information Technology Security Evaluation Center, most likely under pressure from China\u2019s main Internet regulator, one of the people said. ' +
    'But refusing to sign the pledge could bring fresh restrictions or penalties for companies in China\u2019s enormous market, they said.',
);
const TERMS = { exact: "they would not harm China's national security and would store Chinese user data within the country", prefix: 'US tech companies to promise that ', suffix: '. The letter was sent by the Chi' };

describe('matchQuote', () => {
  it('finds an exact quote, with full context confidence', () => {
    const match = matchQuote(ARTICLE, TERMS)!;
    expect(match.how).toBe('quote');
    expect(match.confidence).toBe(1);
    expect(match.changed).toBe(false);
    expect(ARTICLE.slice(match.start, match.end)).toBe(normalise(TERMS.exact));
  });

  it('bridges an ad inserted into the middle of the passage (fuzzy, not changed)', () => {
    const page = ARTICLE.replace('national security and', 'national security advertisement - continue reading below the advertisement and');
    const match = matchQuote(page, TERMS)!;
    expect(match.how).toBe('fuzzy');
    expect(match.changed).toBe(false);
    expect(page.slice(match.start, match.end)).toMatch(/^they would not harm .* within the country$/);
  });

  it('anchors a passage a later revision edited, and says it changed', () => {
    const page = ARTICLE.replace('would store chinese user data', 'would keep user data from china');
    const match = matchQuote(page, TERMS)!;
    expect(match.how).toBe('fuzzy');
    expect(match.changed).toBe(true);
    expect(match.confidence).toBeGreaterThan(0.72);
    expect(page.slice(match.start, match.end)).toContain('keep user data from china within the country');
  });

  it('leaves a passage unplaced when too little of it is left', () => {
    const page = ARTICLE.replace('they would not harm china\'s national security and would store chinese user data within the country', 'they would comply with regulations');
    expect(matchQuote(page, TERMS)).toBeNull();
  });

  it('chooses the place whose context agrees when the words repeat', () => {
    const teaser = `most read: ${normalise(TERMS.exact)}. sign up for our newsletter. `;
    const page = teaser + ARTICLE;
    const match = matchQuote(page, TERMS)!;
    expect(match.start).toBeGreaterThan(teaser.length);
  });

  it('is unplaced rather than guessing when two places are equally likely', () => {
    const sentence = normalise(TERMS.exact);
    const page = `one: ${sentence} two: ${sentence} end`;
    expect(matchQuote(page, { exact: TERMS.exact, prefix: 'something else entirely here ', suffix: ' nothing like this at all' })).toBeNull();
    expect(matchQuote(page, { exact: TERMS.exact })).toBeNull();
  });

  it('takes a long quote that occurs once as its place, however its context was reordered', () => {
    const match = matchQuote(ARTICLE, { ...TERMS, prefix: 'a paragraph that now stands elsewhere ', suffix: ' and another one' })!;
    expect(match.how).toBe('quote');
  });

  it('only returns spans the caller accepts, and searches approximately only inside the region', () => {
    const at = ARTICLE.indexOf('they would not');
    expect(matchQuote(ARTICLE, TERMS, { accept: (start) => start !== at })).toBeNull();
    const edited = ARTICLE.replace('would store chinese', 'would keep chinese');
    expect(matchQuote(edited, TERMS, { region: { from: 0, to: 100 } })).toBeNull();
  });

  it('finds Chinese quotes despite full-width punctuation and Chinese quotation marks', () => {
    const page = normalise('该报道称，拒绝签署承诺书“可能会使这些公司在中国庞大的市场上面临新的限制或处罚”。');
    const match = matchQuote(page, { exact: '可能会使这些公司在中国庞大的市场上面临新的限制或处罚' })!;
    expect(match.how).toBe('quote');
    const edited = normalise('该报道称，拒绝签署承诺书“可能会让这些公司在中国巨大的市场上面临新的限制或处罚”。');
    expect(matchQuote(edited, { exact: '可能会使这些公司在中国庞大的市场上面临新的限制或处罚', prefix: '拒绝签署承诺书"', suffix: '"。' })?.how).toBe('fuzzy');
  });

  it('prefers the running text over a pull-quote copy right beside it when context cannot tell them apart', () => {
    // The pull quote stands between the real sentence and the next paragraph: the real one keeps its
    // prefix, the copy takes over its suffix, so context alone is a tie.
    const sentence = normalise(TERMS.exact);
    const before = 'us tech companies to promise that ';
    const page = `${before}${sentence} ${sentence} the letter was sent by the china information technology security evaluation center.`;
    const real = before.length;
    const copy = real + sentence.length + 1;
    const quote = { exact: TERMS.exact, prefix: 'US tech companies to promise that ', suffix: ' The letter was sent by the Chi' };
    const aside = (start: number) => start >= copy && start < copy + sentence.length;
    expect(matchQuote(page, quote, { aside })?.start).toBe(real);
    // A copy whose context clearly agrees better still wins, aside or not.
    const moved = `${sentence} something else entirely. ${before}${sentence} the letter was sent by the china information technology security evaluation center.`;
    expect(matchQuote(moved, quote, { aside: (start) => start > 0 })?.start).toBe(moved.lastIndexOf(sentence));
  });

  it('scores context on the running text too, so pull quotes on both sides of the real sentence do not hand the place to its copy', () => {
    const sentence = normalise(TERMS.exact);
    const before = 'us tech companies to promise that ';
    const after = 'the letter was sent by the china information technology security evaluation center.';
    const pulled = ['an unrelated pull quote about something else.', 'another pull quote from further down.'];
    const page = `${before}${pulled[0]} ${sentence} ${pulled[1]} ${sentence} ${after}`;
    const real = page.indexOf(sentence);
    const copy = page.lastIndexOf(sentence);
    const spanOf = (text: string, from = 0) => ({ from: page.indexOf(text, from), to: page.indexOf(text, from) + text.length });
    const apart = [spanOf(pulled[0]!), spanOf(pulled[1]!), spanOf(sentence, real + 1)];
    const aside = (start: number) => apart.some((span) => start >= span.from && start < span.to);
    const quote = { exact: TERMS.exact, prefix: 'US tech companies to promise that ', suffix: ' The letter was sent by the Chi' };
    // Without the spans the copy's agreeing suffix wins; with them the real sentence's context is whole.
    expect(matchQuote(page, quote, { aside })?.start).toBe(copy);
    const match = matchQuote(page, quote, { aside, apart })!;
    expect(match.start).toBe(real);
    expect(match.confidence).toBe(1);
  });

  it('gives no place when the article holds the words only in a pull quote and the running text it copies is outside the article', () => {
    // Readability left the real paragraph out but kept the pull quote repeating it; the page's
    // running text still has the paragraph, with its context; a teaser repeats it without.
    const sentence = normalise(TERMS.exact);
    const before = 'us tech companies to promise that ';
    const after = 'the letter was sent by the china information technology security evaluation center.';
    const pulled = `an opening paragraph of the article. ${sentence} the article goes on.`;
    const real = `${before}${sentence} ${after}`;
    const teaser = `editor's pick: ${sentence}`;
    const quote = { exact: TERMS.exact, prefix: 'US tech companies to promise that ', suffix: ' The letter was sent by the Chi' };
    const page = `${pulled} ${real} ${teaser}`;
    const copy = page.indexOf(sentence);
    const article = { from: 0, to: pulled.length };
    const accept = (start: number, end: number) => start >= article.from && end <= article.to;
    const aside = (start: number) => start === copy;
    expect(matchQuote(page, quote, { accept, aside })).toBeNull();
    // Without the running copy (only the teaser, whose context does not agree), the pull quote is all there is, and taken.
    const withoutRunning = `${pulled} ${teaser}`;
    expect(matchQuote(withoutRunning, quote, { accept, aside })?.start).toBe(copy);
    // A running copy in the article is taken over the pull quote, as before.
    expect(matchQuote(page, quote, { aside })?.start).toBe(page.indexOf(real) + before.length);
  });

  it('looks in the running text before taking a quote found exactly only in a pull quote', () => {
    // A line break in the paragraph is a space in the page text, not in the quote (taken from
    // textContent); the pull quote repeats the words without the break.
    const quote = { exact: 'refusing to sign the pledge could bring fresh restrictions or penaltiesfor companies in the market' };
    const running = 'refusing to sign the pledge could bring fresh restrictions or penalties for companies in the market';
    const page = `they said. ${running}, they added. ${quote.exact}. the letter was sent.`;
    const copy = page.indexOf(quote.exact);
    expect(matchQuote(page, quote)?.start).toBe(copy);
    const aside = (start: number) => start === copy;
    expect(matchQuote(page, quote, { aside })?.start).toBe(page.indexOf(running));
  });

  it('bridges an insertion when the opening words of the quote also begin an earlier sentence nearby', () => {
    // The earlier sentence's window ends inside the real passage and aligns it badly; that must not
    // hide the real passage from the window that holds all of it.
    const quote = { exact: "I've never agreed to this, but Facebook could still be keeping track.", prefix: 'robably tagged in some of them. ' };
    const page = normalise(
      "Even though i've never agreed to this kind of data collection. Similarly, I'm sure that I'm in some photographs that someone has uploaded to Facebook - and I'm probably tagged in some of them. " +
        "I've never agreed to this, but Facebook sign up for our morning newsletter. could still be keeping track. So even if you",
    );
    const match = matchQuote(page, quote)!;
    expect(match.how).toBe('fuzzy');
    expect(page.slice(match.start, match.end)).toBe("i've never agreed to this, but facebook sign up for our morning newsletter. could still be keeping track.");
  });

  it('takes the whole passage when an insertion splits the last words and the tail almost matches before it', () => {
    const quote = { exact: 'Firefox is also exploring even more privacy-preserving techniques.', prefix: 'nd third-party requests at all. ' };
    const page = normalise("They do not send third-party requests at all. Firefox is also exploring even more privacy-preserving techni Watch: what the new rules mean for you (2:14) ques . It can't be denied, though, that these tools help.");
    const match = matchQuote(page, quote)!;
    expect(match.changed).toBe(false);
    expect(page.slice(match.start, match.end)).toMatch(/^firefox is also exploring .* \(2:14\) ques/);
  });
});
