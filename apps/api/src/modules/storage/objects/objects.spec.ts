import { describe, expect, it } from 'vitest';
import { objectKeyProblem } from './objects.dto';
import { attachment } from './objects.service';

describe('object keys', () => {
  it('accepts S3 keys people use, up to 1024 UTF-8 bytes', () => {
    for (const key of ['a.txt', 'pasta/sub/arquivo.bin', 'relatórios 2026/ç ã.pdf', 'x/', 'a'.repeat(1024)])
      expect(objectKeyProblem(key), key).toBeNull();
  });

  it('refuses empty, too long, leading slash, control characters and dot segments', () => {
    for (const key of [
      '',
      '/abs',
      'a\u0000b',
      'a\nb',
      'a\u007fb',
      'a/../b',
      './a',
      'a/.',
      'a'.repeat(1025),
      'ç'.repeat(513),
    ])
      expect(objectKeyProblem(key), JSON.stringify(key)).toBe('object_key_invalid');
  });
});

describe('download disposition', () => {
  it('names the file after the last segment, with an ASCII fallback and RFC 5987 UTF-8', () => {
    expect(attachment('a/b/relatório "final".pdf')).toBe(
      `attachment; filename="relat_rio _final_.pdf"; filename*=UTF-8''relat%C3%B3rio%20%22final%22.pdf`,
    );
    expect(attachment("it's (1).txt")).toBe(
      `attachment; filename="it's (1).txt"; filename*=UTF-8''it%27s%20%281%29.txt`,
    );
  });
});
