import { describe, expect, it } from 'vitest';
import { unwrapAmpCache, urlKey } from '../../../lib/core/url';

const KEY = 'nytimes.com/2015/09/17/technology/china-tries-to-extract-pledge.html';

describe('urlKey: more of the addresses one article is served under', () => {
  it('sees through AMP caches and viewers', () => {
    expect(unwrapAmpCache('https://www-nytimes-com.cdn.ampproject.org/c/s/www.nytimes.com/2015/09/17/technology/china-tries-to-extract-pledge.amp.html')).toBe('https://www.nytimes.com/2015/09/17/technology/china-tries-to-extract-pledge.amp.html');
    expect(urlKey('https://www-nytimes-com.cdn.ampproject.org/c/s/www.nytimes.com/2015/09/17/technology/china-tries-to-extract-pledge.amp.html')).toBe(KEY);
    expect(urlKey('https://www.google.com/amp/s/www.nytimes.com/2015/09/17/technology/china-tries-to-extract-pledge.amp.html')).toBe(KEY);
  });

  it('drops more tracking parameters, session ids and index pages', () => {
    expect(urlKey(`https://www.nytimes.com/2015/09/17/technology/china-tries-to-extract-pledge.html?_r=0&mbid=rss&guccounter=1&fb_source=x`)).toBe(KEY);
    expect(urlKey('https://example.com/news/story;jsessionid=ABC123')).toBe('example.com/news/story');
    expect(urlKey('https://example.com/news/story/index.html')).toBe('example.com/news/story');
    expect(urlKey('https://m.example.com/news/story/amp/')).toBe('example.com/news/story');
  });

  it('keeps what tells articles apart', () => {
    expect(urlKey('https://example.com/article.php?id=1')).not.toBe(urlKey('https://example.com/article.php?id=2'));
    expect(urlKey('https://example.com/a/b')).not.toBe(urlKey('https://example.com/a/c'));
  });
});
