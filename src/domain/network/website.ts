/** Duplicate detection of network organisations by website (decision 0026). Pure, no I/O. */

/**
 * The lower-case host of a website without a leading "www.", for duplicate detection by website
 * ("https://www.Orbita.example/about" → "orbita.example"); null when the text is not an http(s) address.
 */
export function websiteDomain(website: string | null): string | null {
  if (!website) return null;
  try {
    const url = new URL(website);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    const host = url.hostname.toLowerCase().replace(/\.$/, '');
    return host.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}
