import { XMLParser } from 'fast-xml-parser';
import { badInput, normalizeError, unsupportedInput } from '../errors.js';
import { deriveTitle, makeArticle } from './article.js';
import { parseLooseDate } from './dates.js';
import { emptyText } from './guards.js';
import { htmlToText } from './html.js';
import { requireIsoDate, retrievalTime } from './resolve.js';
import type { IngestItem, IngestOptions } from './types.js';

type XmlNode = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  // Values stay strings: a title "2025" or a guid "0012" must not become a number.
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  htmlEntities: true,
  isArray: (name) => name === 'item' || name === 'entry' || name === 'link',
});

/** True when the text is an RSS 1.0/2.0 or Atom document (judged from its first 2 KB). */
export function looksLikeFeed(text: string): boolean {
  const head = text.slice(0, 2048);
  return /<(rss|feed|rdf:RDF)[\s>]/i.test(head) && !/<html[\s>]/i.test(head);
}

/** Text of an XML value: a string, a {#text} object, or (Atom xhtml content) every nested string. */
function textOf(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map(textOf).join(' ');
  const node = value as XmlNode;
  if (typeof node['#text'] === 'string' || typeof node['#text'] === 'number') return String(node['#text']);
  return Object.entries(node)
    .filter(([k]) => !k.startsWith('@_'))
    .map(([, v]) => textOf(v))
    .join(' ');
}

/** Atom text constructs say whether they hold text or HTML; RSS fields are HTML by custom. */
function contentText(value: unknown, defaultType: 'text' | 'html'): string {
  if (value === undefined || value === null) return '';
  const type = (typeof value === 'object' && !Array.isArray(value) ? (value as XmlNode)['@_type'] : undefined) ?? defaultType;
  const raw = textOf(value);
  if (type === 'text' || type === 'xhtml') return raw.trim();
  return htmlToText(raw);
}

function linkOf(value: unknown): string | null {
  const links = Array.isArray(value) ? value : value === undefined ? [] : [value];
  for (const link of links) {
    if (typeof link === 'string' && link.trim()) return link.trim();
    if (link && typeof link === 'object') {
      const l = link as XmlNode;
      const rel = l['@_rel'];
      const href = l['@_href'];
      if (typeof href === 'string' && (rel === undefined || rel === 'alternate')) return href.trim();
      if (typeof l['#text'] === 'string') return (l['#text'] as string).trim();
    }
  }
  return null;
}

interface FeedShape {
  title: string | null;
  entries: XmlNode[];
  atom: boolean;
}

function shapeOf(doc: XmlNode): FeedShape | null {
  const rss = doc.rss as XmlNode | undefined;
  if (rss && typeof rss === 'object') {
    const channel = (Array.isArray(rss.channel) ? rss.channel[0] : rss.channel) as XmlNode | undefined;
    if (!channel) return null;
    return { title: textOf(channel.title).trim() || null, entries: (channel.item as XmlNode[] | undefined) ?? [], atom: false };
  }
  const rdf = doc['rdf:RDF'] as XmlNode | undefined;
  if (rdf && typeof rdf === 'object') {
    const channel = rdf.channel as XmlNode | undefined;
    return { title: textOf(channel?.title).trim() || null, entries: (rdf.item as XmlNode[] | undefined) ?? [], atom: false };
  }
  const feed = doc.feed as XmlNode | undefined;
  if (feed && typeof feed === 'object') {
    return { title: textOf(feed.title).trim() || null, entries: (feed.entry as XmlNode[] | undefined) ?? [], atom: true };
  }
  return null;
}

/**
 * Reads an RSS 2.0, RSS 1.0 or Atom feed: one IngestItem per item/entry
 * ("feed.xml item 3"), so one empty entry does not lose the others. Title,
 * link, date (pubDate, dc:date, published, updated) and body
 * (content:encoded or description; Atom content or summary, HTML turned into
 * text) come from the entry; the source is the channel/feed title. Throws
 * BAD_INPUT when the XML does not parse, UNSUPPORTED_INPUT when it is not a feed.
 */
export function ingestFeed(xml: string, meta: { origin: string; retrievedAt?: string }, opts: IngestOptions = {}): IngestItem[] {
  const origin = meta.origin;
  let doc: XmlNode;
  try {
    doc = parser.parse(xml, true) as XmlNode;
  } catch (error) {
    throw badInput(`${origin}: malformed XML (${(error as Error).message})`);
  }
  const feed = shapeOf(doc);
  if (!feed) throw unsupportedInput(`${origin}: XML that is not an RSS or Atom feed`);
  const retrieved = retrievalTime(origin, meta.retrievedAt);
  const fallback = opts.publishedAt === undefined ? null : requireIsoDate(origin, 'publishedAt', opts.publishedAt);
  // An empty feed is a valid feed that says nothing yet: report it read, with no articles.
  if (feed.entries.length === 0) return [{ ok: true, origin, articles: [] }];
  return feed.entries.map((entry, i): IngestItem => {
    const itemOrigin = `${origin} item ${i + 1}`;
    try {
      const body = feed.atom
        ? contentText(entry.content, 'text') || contentText(entry.summary, 'text')
        : contentText(entry['content:encoded'], 'html') || contentText(entry.description, 'html');
      if (body.trim() === '') throw emptyText(itemOrigin);
      const title = (feed.atom ? contentText(entry.title, 'text') : htmlToText(textOf(entry.title))).replace(/\s+/gu, ' ').trim();
      const dateText = textOf(entry.pubDate ?? entry['dc:date'] ?? entry.published ?? entry.updated).trim();
      const date = parseLooseDate(dateText) ?? fallback;
      const article = makeArticle({
        title: title || deriveTitle(body),
        text: body,
        source: feed.title ?? opts.source ?? null,
        url: linkOf(entry.link),
        publishedAt: date?.value ?? null,
        publishedAtPrecision: date?.precision ?? 'unknown',
        retrievedAt: retrieved.iso,
        origin: itemOrigin,
        originSpan: null,
      });
      return { ok: true, origin: itemOrigin, articles: [article] };
    } catch (error) {
      return { ok: false, origin: itemOrigin, error: normalizeError(error) };
    }
  });
}
