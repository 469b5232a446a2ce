import { SUBJECT_MAX, mailtoUrl, oneLine, telUrl, truncate, webUrl } from '../../../src/domain/texts';

describe('text helpers', () => {
  it('truncates to the limit with an ellipsis, never splitting an emoji or an accent', () => {
    expect(truncate('abcdef', 10)).toBe('abcdef');
    expect(truncate('abcdef', 4)).toBe('abc…');
    const family = '👨‍👩‍👧‍👦';
    const cut = truncate(`ab${family}cd`, 6);
    expect(cut).toBe('ab…');
    expect(truncate('e\u0301e\u0301e\u0301', 4)).toBe('e\u0301…');
    expect(SUBJECT_MAX).toBe(255);
  });

  it('makes one line, keeping French no-break spaces', () => {
    expect(oneLine('  a\r\n\tb\u0000c  ')).toBe('a bc');
    expect(oneLine('Et maintenant\u00a0?')).toBe('Et maintenant\u00a0?');
  });

  it('builds links only from safe input', () => {
    expect(mailtoUrl(' jean@example.org ')).toBe('mailto:jean@example.org');
    expect(mailtoUrl('jean')).toBeUndefined();
    expect(mailtoUrl('a b@c.d')).toBeUndefined();
    expect(telUrl('+33 (0)6 12-34')).toBe('tel:+33061234');
    expect(telUrl('06 12 34 56 78')).toBe('tel:0612345678');
    expect(telUrl('ab')).toBeUndefined();
    expect(webUrl('https://example.org/x')).toBe('https://example.org/x');
    expect(webUrl('HTTP://Example.org')).toBe('http://example.org/');
    expect(webUrl('javascript:alert(1)')).toBeUndefined();
    expect(webUrl('ftp://example.org')).toBeUndefined();
    expect(webUrl('example.org')).toBeUndefined();
  });
});
