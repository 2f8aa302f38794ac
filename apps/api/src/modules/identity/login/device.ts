/**
 * A short human label for a user agent ("Chrome on Windows", "Chrome em Windows"); no third-party
 * parser.
 */
export function deviceLabel(userAgent: string | null | undefined, lang: string = 'en'): string {
  const pt = lang === 'pt-BR';
  if (!userAgent) return pt ? 'Dispositivo desconhecido' : 'Unknown device';
  const ua = userAgent;
  const browser = /Edg\//.test(ua)
    ? 'Edge'
    : /OPR\/|Opera/.test(ua)
      ? 'Opera'
      : /Firefox\//.test(ua)
        ? 'Firefox'
        : /HeadlessChrome|Chrome\/|Chromium\/|CriOS\//.test(ua)
          ? 'Chrome'
          : /Safari\//.test(ua) && /Version\//.test(ua)
            ? 'Safari'
            : /curl\//i.test(ua)
              ? 'curl'
              : /node|undici/i.test(ua)
                ? 'Node.js'
                : null;
  const os = /Windows/.test(ua)
    ? 'Windows'
    : /iPhone|iPad|iPod/.test(ua)
      ? 'iOS'
      : /Android/.test(ua)
        ? 'Android'
        : /Mac OS X|Macintosh/.test(ua)
          ? 'macOS'
          : /CrOS/.test(ua)
            ? 'ChromeOS'
            : /Linux/.test(ua)
              ? 'Linux'
              : null;
  if (browser && os) return `${browser} ${pt ? 'em' : 'on'} ${os}`;
  return browser ?? os ?? ua.slice(0, 40);
}

/**
 * The "place" a trusted proxy header names ("BR", "São Paulo, BR"): letters, digits, spaces and
 * basic punctuation only, at most 64 characters; anything else is dropped.
 */
export function placeFromHeader(value: string | string[] | undefined): string | null {
  const raw = (Array.isArray(value) ? value[0] : value)?.trim();
  if (!raw || raw.length > 64 || !/^[\p{L}\p{N} .,'()-]+$/u.test(raw)) return null;
  // Cloudflare answers XX for unknown and T1 for Tor.
  if (raw === 'XX') return null;
  return raw;
}
