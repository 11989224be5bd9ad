import { describe, expect, it } from 'vitest';
import { isHttpUrl, siteKey, urlKey } from '../../lib/core/url';

const NYT = 'https://www.nytimes.com/2015/09/17/technology/china-tries-to-extract-pledge-of-compliance-from-us-tech-firms.html';
const NYT_KEY = 'nytimes.com/2015/09/17/technology/china-tries-to-extract-pledge-of-compliance-from-us-tech-firms.html';

describe('urlKey', () => {
  it('is host/path without scheme or www.', () => {
    expect(urlKey(NYT)).toBe(NYT_KEY);
  });

  it('ignores http vs https', () => {
    expect(urlKey('http://example.com/news/story')).toBe('example.com/news/story');
    expect(urlKey('https://example.com/news/story')).toBe('example.com/news/story');
  });

  it('strips www., www2., m., mobile. and amp. host prefixes, upper case and a trailing dot', () => {
    for (const host of ['www.example.com', 'www2.example.com', 'm.example.com', 'mobile.example.com', 'amp.example.com', 'WWW.EXAMPLE.COM', 'example.com.']) {
      expect(urlKey(`https://${host}/a`), host).toBe('example.com/a');
    }
  });

  it('keeps other subdomains', () => {
    expect(urlKey('https://news.example.com/a')).toBe('news.example.com/a');
    expect(urlKey('https://www.news.example.com/a')).toBe('news.example.com/a');
  });

  it('drops default ports and keeps others', () => {
    expect(urlKey('http://example.com:80/a')).toBe('example.com/a');
    expect(urlKey('https://example.com:443/a')).toBe('example.com/a');
    expect(urlKey('https://example.com:8443/a')).toBe('example.com:8443/a');
  });

  it('drops the fragment, including a text fragment', () => {
    expect(urlKey('https://example.com/a#section-2')).toBe('example.com/a');
    expect(urlKey('https://example.com/a#:~:text=pledge')).toBe('example.com/a');
  });

  it('drops tracking parameters and keeps meaningful ones, sorted by name', () => {
    expect(urlKey('https://example.com/a?utm_source=tw&utm_medium=social&UTM_Campaign=x&fbclid=1&gclid=2&smid=tw-share')).toBe('example.com/a');
    expect(urlKey('https://example.com/story?page=2&utm_source=x&id=17&fbclid=abc')).toBe('example.com/story?id=17&page=2');
    expect(urlKey('https://example.com/story?id=17&page=2')).toBe(urlKey('https://example.com/story?page=2&id=17'));
  });

  it('distinguishes articles that differ only in a meaningful parameter', () => {
    expect(urlKey('https://example.com/article.php?id=1')).not.toBe(urlKey('https://example.com/article.php?id=2'));
  });

  it('drops a trailing slash and an empty query', () => {
    expect(urlKey('https://example.com/a/b/')).toBe('example.com/a/b');
    expect(urlKey('https://example.com/a/b?')).toBe('example.com/a/b');
    expect(urlKey('https://example.com')).toBe('example.com/');
    expect(urlKey('https://example.com/')).toBe('example.com/');
  });

  it('drops AMP and print variants: /amp and /print segments, .amp.html', () => {
    expect(urlKey('https://example.com/news/story/amp')).toBe('example.com/news/story');
    expect(urlKey('https://example.com/news/story/amp/')).toBe('example.com/news/story');
    expect(urlKey('https://example.com/amp/news/story')).toBe('example.com/news/story');
    expect(urlKey('https://example.com/news/story/print')).toBe('example.com/news/story');
    expect(urlKey('https://example.com/news/story.amp.html')).toBe('example.com/news/story.html');
    expect(urlKey('https://amp.example.com/news/story.amp.htm?outputType=amp')).toBe('example.com/news/story.htm');
  });

  it('decodes percent-encoding in the path so encoded and literal forms agree', () => {
    expect(urlKey('https://example.com/caf%C3%A9')).toBe('example.com/caf\u00e9');
    expect(urlKey('https://example.com/caf%c3%a9')).toBe(urlKey('https://example.com/caf\u00e9'));
    expect(urlKey('https://example.com/a%20b')).toBe('example.com/a b');
  });

  it('keeps a malformed percent sequence as it is instead of throwing', () => {
    expect(urlKey('https://example.com/100%25/%E0%A4%A')).toBe('example.com/100%/%E0%A4%A');
  });

  it('decodes query values, so + and %20 give the same key', () => {
    expect(urlKey('https://example.com/search?q=a+b')).toBe(urlKey('https://example.com/search?q=a%20b'));
  });

  it('trims surrounding whitespace', () => {
    expect(urlKey(`  ${NYT}\n`)).toBe(NYT_KEY);
  });

  it('gives the same key for all the addresses of one article', () => {
    const variants = [
      NYT,
      NYT.replace('https://www.', 'http://'),
      NYT.replace('www.', 'm.'),
      `${NYT}?smid=tw-share&utm_source=twitter`,
      `${NYT}#:~:text=pledge`,
      NYT.replace('.html', '.amp.html'),
      NYT.replace('https://www.nytimes.com', 'https://www.nytimes.com:443'),
    ];
    for (const variant of variants) expect(urlKey(variant), variant).toBe(NYT_KEY);
  });

  it('is null for non-http(s) URLs', () => {
    for (const value of ['javascript:alert(1)', 'data:text/html,<p>x</p>', 'file:///etc/passwd', 'ftp://example.com/a', 'mailto:a@example.com', 'chrome-extension://abc/page.html', 'about:blank']) {
      expect(urlKey(value), value).toBeNull();
    }
  });

  it('is null for garbage and relative URLs', () => {
    for (const value of ['', '   ', 'not a url', '/2015/09/17/story.html', 'example.com/a', 'http://', 'https://exa mple.com/']) {
      expect(urlKey(value), JSON.stringify(value)).toBeNull();
    }
  });
});

describe('isHttpUrl', () => {
  it('accepts absolute http and https URLs only', () => {
    expect(isHttpUrl('https://example.com/a')).toBe(true);
    expect(isHttpUrl('HTTP://example.com')).toBe(true);
    expect(isHttpUrl('javascript:alert(1)')).toBe(false);
    expect(isHttpUrl('//example.com/a')).toBe(false);
    expect(isHttpUrl('ftp://example.com')).toBe(false);
    expect(isHttpUrl('')).toBe(false);
  });
});

describe('siteKey', () => {
  it('is the host without www.-like prefixes, lower case', () => {
    expect(siteKey(NYT)).toBe('nytimes.com');
    expect(siteKey('http://M.NYTimes.com/x')).toBe('nytimes.com');
    expect(siteKey('https://amp.example.com.:8080/a?b#c')).toBe('example.com');
    expect(siteKey('https://news.example.com/')).toBe('news.example.com');
  });

  it('is null for non-http(s) URLs and garbage', () => {
    expect(siteKey('file:///home/user/a.html')).toBeNull();
    expect(siteKey('javascript:void(0)')).toBeNull();
    expect(siteKey('not a url')).toBeNull();
    expect(siteKey('')).toBeNull();
  });
});
