import { describe, expect, it } from 'vitest';
import { containment, COPY_CONTAINMENT, FINGERPRINT_SCHEME, FINGERPRINT_SIZE, fingerprintText, type Fingerprint } from '../../lib/core/fingerprint';
import { textHashes } from '../../lib/core/text/tokens';
import { seedBody } from './fixtures/seed';

describe('fingerprintText', () => {
  it('is the k smallest distinct n-gram hashes, ascending', () => {
    const all = [...textHashes(seedBody)];
    expect(all.length).toBeGreaterThan(FINGERPRINT_SIZE);
    const fingerprint = fingerprintText(seedBody);
    expect(fingerprint.scheme).toBe(FINGERPRINT_SCHEME);
    expect(fingerprint.hashes).toHaveLength(FINGERPRINT_SIZE);
    const smallest = all.sort((a, b) => a - b).slice(0, FINGERPRINT_SIZE);
    expect(fingerprint.hashes).toEqual(smallest);
  });

  it('sorts numerically, not as strings', () => {
    const { hashes } = fingerprintText(seedBody, 1000);
    for (let i = 1; i < hashes.length; i++) expect(hashes[i]!).toBeGreaterThan(hashes[i - 1]!);
  });

  it('keeps all hashes of a short text and respects a custom size', () => {
    expect(fingerprintText('alpha beta gamma delta').hashes).toHaveLength(2);
    expect(fingerprintText(seedBody, 8).hashes).toHaveLength(8);
    expect(fingerprintText('').hashes).toEqual([]);
  });
});

describe('containment', () => {
  const fingerprint: Fingerprint = { scheme: FINGERPRINT_SCHEME, hashes: [1, 2, 3, 4] };

  it('is the share of the sketch found in the page', () => {
    expect(containment(fingerprint, new Set([1, 2, 3, 4, 99]))).toBe(1);
    expect(containment(fingerprint, new Set([2, 4, 100, 200]))).toBe(0.5);
    expect(containment(fingerprint, new Set())).toBe(0);
  });

  it('is 0 for an empty sketch', () => {
    expect(containment({ scheme: FINGERPRINT_SCHEME, hashes: [] }, new Set([1, 2]))).toBe(0);
  });

  it('is 1 for the article inside a page of boilerplate, and low for half an unrelated text', () => {
    const sketch = fingerprintText(seedBody);
    const page = textHashes(`Home News World Sport Subscribe Log in. ${seedBody} Related stories: markets rally as oil prices fall.`);
    expect(containment(sketch, page)).toBe(1);
    expect(containment(sketch, textHashes('Markets rallied on Friday as oil prices fell for the third day.'))).toBeLessThan(COPY_CONTAINMENT);
  });
});
