/**
 * Licences of sources whose texts are openly licensed, by the domain an
 * article was published on. The article page shows the licence beside the link
 * to the original; a source not listed here has no known licence (null).
 */
export interface SourceLicence {
  name: string;
  url: string;
  attribution: string;
}

export const KNOWN_LICENCES: Readonly<Record<string, SourceLicence>> = {
  'en.wikinews.org': {
    name: 'CC BY 2.5',
    url: 'https://creativecommons.org/licenses/by/2.5/',
    attribution: 'Wikinews contributors',
  },
};

/** The licence of an article's texts from its source domain (www. ignored), or null when none is known. */
export function licenceFor(domain: string | null): SourceLicence | null {
  if (!domain) return null;
  return KNOWN_LICENCES[domain.toLowerCase().replace(/^www\./, '')] ?? null;
}
