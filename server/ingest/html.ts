import { createRequire } from 'node:module';
import { Readability } from '@mozilla/readability';
import type * as Linkedom from 'linkedom';
import { badInput, unsupportedInput } from '../errors.js';
import { deriveTitle, makeArticle } from './article.js';
import { parseLooseDate, type ResolvedDate } from './dates.js';
import { assertTextString } from './guards.js';
import { requireIsoDate, retrievalTime } from './resolve.js';
import type { IngestedArticle, IngestMeta, IngestOptions } from './types.js';

/**
 * linkedom, loaded when the first page is parsed: a command that reads no
 * HTML (`extract --jsonl`) does not load its ~200 modules at start-up. Its
 * CommonJS build, which require() loads synchronously.
 */
let linkedom: typeof Linkedom | undefined;
function parseHTML(html: string): ReturnType<typeof Linkedom.parseHTML> {
  linkedom ??= createRequire(import.meta.url)('linkedom') as typeof Linkedom;
  return linkedom.parseHTML(html);
}

/** Metadata a page states about itself; every field null when the page does not say. */
export interface PageMetadata {
  title: string | null;
  siteName: string | null;
  /** Raw publication date string as found (meta tag, JSON-LD, <time datetime>). */
  published: string | null;
  canonicalUrl: string | null;
}

/**
 * Parses HTML into a DOM. linkedom needs an <html> element to hang <head> and
 * <body> on (a bare fragment leaves documentElement null), so fragments and
 * plain text are wrapped first; unclosed and stray tags are repaired by the parser.
 */
export function parseDocument(html: string): Document {
  assertNestingDepth(html);
  const wrapped = /<html[\s>]/i.test(html) ? html : `<!DOCTYPE html><html><head></head><body>${html}</body></html>`;
  const { document } = parseHTML(wrapped);
  // linkedom's document implements the DOM interfaces we use; its own typings are a separate tree.
  return document as unknown as Document;
}

/**
 * Deepest element nesting accepted. Real pages nest a few dozen levels
 * (Lighthouse flags 32); the parser, the chrome stripper and Readability
 * cost time in proportion to depth times size (1,000 nested divs, 11 KB,
 * took ~30 s; 10,000 overflowed the stack), so a small hostile page could
 * stall the server. Reading stays O(size x depth): see docs/security.md.
 */
export const MAX_HTML_DEPTH = 128;

/** Elements that never hold children, and those a following sibling closes implicitly (so they do not nest). */
const NO_DEPTH = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr',
  'p', 'li', 'dt', 'dd', 'option', 'optgroup', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'colgroup', 'rb', 'rt', 'rp',
]);

/**
 * Refuses HTML nested deeper than MAX_HTML_DEPTH, by a linear scan of its
 * tags before any parsing, closing tags the way linkedom's parser does (an
 * end tag closes up to its open element; one with none open is ignored).
 * Comments and script/style bodies are skipped; void and implicitly closed
 * elements (br, p, li, td...) are not counted.
 */
function assertNestingDepth(html: string): void {
  const tag = /<!--[\s\S]*?(?:-->|$)|<(script|style|textarea|title)\b[^>]*>[\s\S]*?(?:<\/\1\s*>|$)|<(\/?)([a-zA-Z][a-zA-Z0-9-]*)\b[^>]*?(\/?)>/giu;
  const open: string[] = [];
  for (const m of html.matchAll(tag)) {
    const name = m[3]?.toLowerCase();
    // The parser honours `<x/>` inside <svg> only; elsewhere it opens an element like `<x>`.
    if (!name || NO_DEPTH.has(name) || (m[4] === '/' && open.includes('svg'))) continue;
    if (m[2] === '/') {
      const at = open.lastIndexOf(name);
      if (at !== -1) open.length = at;
    } else if (open.push(name) > MAX_HTML_DEPTH) {
      throw unsupportedInput(`HTML nested deeper than ${MAX_HTML_DEPTH} elements; not a page this reader accepts`);
    }
  }
}

const CHROME_TAGS =
  'script, style, noscript, template, iframe, object, embed, svg, canvas, form, button, input, select, textarea, nav, aside, footer, dialog';
const CHROME_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'search', 'dialog', 'alertdialog', 'menu', 'menubar']);
/** Parts of class and id names ("post-share-bar" -> share) that mark chrome, not article text. */
const CHROME_NAME_PARTS = new Set([
  'comment', 'comments', 'disqus', 'share', 'sharing', 'sharebar', 'social', 'related', 'newsletter', 'promo', 'advert',
  'advertisement', 'ad', 'ads', 'sponsored', 'sidebar', 'breadcrumb', 'breadcrumbs', 'menu', 'navbar', 'nav', 'footer',
  'cookie', 'cookies', 'consent', 'subscribe', 'subscription', 'paywall', 'recommended', 'recirc', 'popular', 'trending',
  'tags', 'hashtags', 'outbrain', 'taboola', 'popup', 'modal', 'byline', 'dateline', 'timestamp',
]);

function isChromeName(value: string | null): boolean {
  if (!value) return false;
  return value
    .toLowerCase()
    .split(/\s+/u)
    .some((token) => token.split(/[-_]+/u).some((part) => CHROME_NAME_PARTS.has(part)));
}

/**
 * Removes navigation, comments, share bars, "related" lists, ads and hidden
 * elements before Readability scores the page: Readability keeps a share bar
 * or a comment that sits inside the article element. An element that holds
 * the page's main content (an <article>/<main> inside, or most of the text)
 * is kept even when its name looks like chrome ("page-with-sidebar").
 */
export function stripChrome(document: Document): void {
  const body = document.body as Element | null;
  if (!body) return;
  for (const el of Array.from(body.querySelectorAll(CHROME_TAGS))) el.remove();
  // A page <header> is the masthead; an article's <header> holds its headline, byline and date,
  // which readMetadata has already read and which are not article text.
  for (const el of Array.from(body.querySelectorAll('header'))) el.remove();
  const total = (body.textContent ?? '').length;
  for (const el of Array.from(body.querySelectorAll('*'))) {
    if (!el.isConnected) continue;
    const role = el.getAttribute('role');
    const hidden =
      el.hasAttribute('hidden') ||
      el.getAttribute('aria-hidden') === 'true' ||
      /display\s*:\s*none|visibility\s*:\s*hidden/i.test(el.getAttribute('style') ?? '');
    const chrome = hidden || (role !== null && CHROME_ROLES.has(role)) || isChromeName(el.getAttribute('class')) || isChromeName(el.getAttribute('id'));
    if (!chrome) continue;
    const holdsMain = el.querySelector('article, main, [role="main"]') !== null || (el.textContent ?? '').length > total / 2;
    if (hidden || !holdsMain) el.remove();
  }
}

const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'H1', 'H2', 'H3',
  'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TR', 'UL', 'CAPTION', 'DETAILS', 'SUMMARY',
]);
const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'TITLE']);

/**
 * Text of a DOM subtree with its paragraph structure: blocks are separated by
 * a blank line, <br> by a newline, whitespace inside a paragraph collapsed.
 * textContent would glue "<p>a</p><p>b</p>" into "ab".
 */
export function blockText(root: Node): string {
  const parts: string[] = [];
  const walk = (node: Node, pre: boolean): void => {
    if (node.nodeType === 3) {
      const value = node.nodeValue ?? '';
      parts.push(pre ? value.replace(/\n/g, '\u2028') : value.replace(/\s+/gu, ' '));
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
    const tag = node.nodeType === 1 ? (node as Element).tagName.toUpperCase() : '';
    if (SKIP_TAGS.has(tag)) return;
    if (tag === 'BR') {
      parts.push('\u2028');
      return;
    }
    const block = BLOCK_TAGS.has(tag);
    if (block) parts.push('\n\n');
    else if (tag === 'TD' || tag === 'TH') parts.push(' ');
    for (const child of Array.from(node.childNodes)) walk(child, pre || tag === 'PRE');
    if (block) parts.push('\n\n');
  };
  walk(root, false);
  // \u2028 stands for a kept line break while paragraphs are split on "\n\n".
  return parts
    .join('')
    .split(/\n{2,}/u)
    .map((p) =>
      p
        .replace(/\n/g, ' ')
        .split('\u2028')
        .map((line) => line.replace(/[ \t\f\v\u00a0]+/gu, ' ').trim())
        .filter(Boolean)
        .join('\n'),
    )
    .filter(Boolean)
    .join('\n\n');
}

/** Plain text of an HTML fragment (a feed item's description), chrome removed. */
export function htmlToText(html: string): string {
  const document = parseDocument(html);
  stripChrome(document);
  return document.body ? blockText(document.body) : '';
}

function metaContent(document: Document, keys: string[]): string | null {
  const wanted = new Set(keys.map((k) => k.toLowerCase()));
  for (const el of Array.from(document.querySelectorAll('meta'))) {
    const key = (el.getAttribute('property') ?? el.getAttribute('name') ?? el.getAttribute('itemprop') ?? '').toLowerCase();
    const content = el.getAttribute('content')?.trim();
    if (wanted.has(key) && content) return content;
  }
  return null;
}

interface JsonLdFacts {
  headline: string | null;
  datePublished: string | null;
  publisher: string | null;
}

/** Facts from JSON-LD blocks, preferring objects typed as articles; broken JSON is skipped. */
function readJsonLd(document: Document): JsonLdFacts {
  const facts: JsonLdFacts = { headline: null, datePublished: null, publisher: null };
  const objects: Record<string, unknown>[] = [];
  const collect = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === 'object') {
      const obj = value as Record<string, unknown>;
      objects.push(obj);
      if (obj['@graph']) collect(obj['@graph']);
    }
  };
  for (const script of Array.from(document.querySelectorAll('script'))) {
    if (!/ld\+json/i.test(script.getAttribute('type') ?? '')) continue;
    try {
      collect(JSON.parse(script.textContent ?? ''));
    } catch {
      // Pages ship broken JSON-LD often; it is a hint, not the content.
    }
  }
  const isArticle = (o: Record<string, unknown>) => /Article|BlogPosting|Report/i.test(JSON.stringify(o['@type'] ?? ''));
  const ordered = [...objects.filter(isArticle), ...objects.filter((o) => !isArticle(o))];
  for (const o of ordered) {
    if (facts.headline === null && typeof o.headline === 'string') facts.headline = o.headline.trim() || null;
    if (facts.datePublished === null && typeof o.datePublished === 'string') facts.datePublished = o.datePublished;
    const pub = o.publisher;
    if (facts.publisher === null && pub && typeof pub === 'object' && typeof (pub as { name?: unknown }).name === 'string') {
      facts.publisher = ((pub as { name: string }).name).trim() || null;
    }
  }
  return facts;
}

/** Reads what the page says about itself, before any element is removed. */
export function readMetadata(document: Document, baseUrl: string | undefined): PageMetadata {
  const ld = readJsonLd(document);
  const timeEl = document.querySelector('article time[datetime], time[datetime]');
  const titleTag = document.querySelector('title')?.textContent?.trim() || null;
  const siteName = metaContent(document, ['og:site_name', 'application-name']) ?? ld.publisher;
  const canonicalHref = document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? metaContent(document, ['og:url']);
  return {
    title:
      metaContent(document, ['og:title', 'twitter:title']) ??
      ld.headline ??
      stripSiteSuffix(titleTag, siteName) ??
      headingTitle(document),
    siteName,
    published:
      metaContent(document, ['article:published_time', 'datepublished', 'pubdate', 'publishdate', 'date', 'dc.date', 'dc.date.issued', 'sailthru.date']) ??
      ld.datePublished ??
      timeEl?.getAttribute('datetime') ??
      null,
    canonicalUrl: absoluteHttpUrl(canonicalHref, baseUrl),
  };
}

/** The first paragraph of the first <h1>: an unclosed <h1> in broken HTML swallows the paragraphs after it. */
function headingTitle(document: Document): string | null {
  const h1 = document.querySelector('h1');
  return h1 ? blockText(h1).split('\n')[0]?.trim() || null : null;
}

/** "Big news | The Daily" -> "Big news" when "The Daily" is the site's name. */
function stripSiteSuffix(title: string | null, siteName: string | null): string | null {
  if (!title || !siteName) return title;
  const m = /^(.*\S)\s+[|\-–—·:]\s+(.+)$/u.exec(title);
  return m && m[2]?.trim().toLowerCase() === siteName.toLowerCase() ? (m[1] ?? title) : title;
}

function absoluteHttpUrl(href: string | null | undefined, base: string | undefined): string | null {
  if (!href) return null;
  try {
    const url = new URL(href.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * Main-content text: Readability over the de-chromed page, else the
 * de-chromed body. Readability takes the document apart as it works, so the
 * fallback re-parses the HTML: cheaper than cloning every page for the rare
 * page Readability gives up on.
 */
function mainText(html: string, document: Document): { text: string; title: string | null; siteName: string | null; published: string | null } {
  stripChrome(document);
  let parsed: ReturnType<Readability<Node>['parse']> = null;
  try {
    // The serializer hands back the node itself, so paragraphs are walked once instead of re-parsed from HTML.
    parsed = new Readability<Node>(document, { serializer: (node) => node }).parse();
  } catch {
    parsed = null; // Readability throws on some degenerate trees; the body text is still usable.
  }
  let text = parsed?.content ? blockText(parsed.content) : '';
  if (text.trim() === '') {
    const fresh = parseDocument(html);
    stripChrome(fresh);
    text = fresh.body ? blockText(fresh.body) : '';
  }
  return {
    text,
    title: parsed?.title?.trim() || null,
    siteName: parsed?.siteName?.trim() || null,
    published: parsed?.publishedTime ?? null,
  };
}

/**
 * Turns an HTML page into its article: main content by Readability (over
 * linkedom) after navigation, comments, share and "related" chrome are
 * removed; title from og:title, JSON-LD headline or <title>; source from
 * og:site_name or the JSON-LD publisher; publishedAt from
 * article:published_time, JSON-LD datePublished or <time datetime>; url from
 * the canonical link. Malformed HTML is parsed best-effort; BAD_INPUT only
 * when no text is left. The text is produced from markup, so originSpan is null.
 */
export function ingestHtml(html: string, meta: IngestMeta, opts: IngestOptions = {}): IngestedArticle[] {
  const origin = meta.origin;
  assertTextString(origin, html);
  const retrieved = retrievalTime(origin, meta.retrievedAt);
  const given = meta.publishedAt === undefined ? null : requireIsoDate(origin, 'publishedAt', meta.publishedAt);
  const fallback = opts.publishedAt === undefined ? null : requireIsoDate(origin, 'publishedAt', opts.publishedAt);
  const document = parseDocument(html);
  const page = readMetadata(document, meta.url);
  const main = mainText(html, document);
  const title = meta.title?.trim() || page.title || main.title;
  const text = dropLeadingTitle(main.text, title);
  if (text.trim() === '') throw badInput(`${origin}: no article text found in the HTML`);
  const pageDate: ResolvedDate | null = parseLooseDate(page.published ?? main.published ?? '');
  const date = given ?? pageDate ?? fallback;
  return [
    makeArticle({
      title: title ?? deriveTitle(text),
      text,
      source: meta.source ?? page.siteName ?? main.siteName ?? opts.source ?? null,
      url: page.canonicalUrl ?? meta.url ?? null,
      publishedAt: date?.value ?? null,
      publishedAtPrecision: date?.precision ?? 'unknown',
      retrievedAt: retrieved.iso,
      origin,
      originSpan: null,
    }),
  ];
}

/** Readability sometimes keeps the <h1>; the title is stored apart from the text. */
function dropLeadingTitle(text: string, title: string | null | undefined): string {
  if (!title) return text;
  const [first, ...rest] = text.split('\n\n');
  return first?.trim() === title.trim() && rest.length > 0 ? rest.join('\n\n') : text;
}
