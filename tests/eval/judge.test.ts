// @vitest-environment happy-dom
/** The eval's judge of a place found against the marked truth (the same judge for every method). */
import { describe, expect, it } from 'vitest';
import { INSERTED_ATTR, judge, TARGET_ATTR, targetPieces, textOffsets } from '../../scripts/eval/targets';

describe('judge', () => {
  it('counts the target\'s own characters, not an ad inserted inside its extent', () => {
    // Target: [0, 64) and [142, 143); a 78-character caption sits between them.
    const pieces: [number, number][] = [[0, 64], [142, 143]];
    expect(judge([0, 64], [0, 143], pieces)).toBe('right');
    expect(judge([0, 64], [0, 143])).toBe('wrong'); // judged on the extent alone it would be a miss
    expect(judge([64, 142], [0, 143], pieces)).toBe('wrong'); // only the caption
  });

  it('is wrong when the place found mostly lies outside the target, and unplaced when nothing was found', () => {
    expect(judge([0, 200], [0, 65], [[0, 65]])).toBe('wrong');
    expect(judge([300, 365], [0, 65], [[0, 65]])).toBe('wrong');
    expect(judge(null, [0, 65], [[0, 65]])).toBe('unplaced');
    expect(judge([0, 65], null)).toBe('wrong');
  });
});

describe('targetPieces', () => {
  it('leaves out the text of an insert that landed inside the target marker', () => {
    document.body.innerHTML = `<p>Before. <span ${TARGET_ATTR}="0">报道称，承诺书的措辞相似。<div ${INSERTED_ATTR}="">Advertisement</div></span> After.</p>`;
    const offsets = textOffsets(document.body);
    const start = (document.body.textContent ?? '').indexOf('报');
    expect(targetPieces(document.body, 0, offsets)).toEqual([[start, start + '报道称，承诺书的措辞相似。'.length]]);
  });
});
