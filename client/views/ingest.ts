import { api, type IngestInput } from '../api.js';
import { href } from '../router.js';
import { renderArticle } from './article.js';
import type { ViewContext } from './context.js';
import { errorBox, h } from './dom.js';
import { writeErrorBox } from './token.js';

/**
 * Ingest page: paste text or HTML, or give a URL, with an optional
 * publication date; Preview extracts without storing and shows the
 * highlights; Save stores. Progress shows while the server works.
 */
export function ingestView(root: HTMLElement, ctx: ViewContext): void {
  root.append(h('h1', null, 'Add articles'));
  const text = h('textarea', { id: 'ingest-text', rows: 10, placeholder: 'Paste article text or HTML here…' });
  const url = h('input', { id: 'ingest-url', type: 'url', placeholder: 'https://…' });
  const title = h('input', { id: 'ingest-title', type: 'text' });
  const source = h('input', { id: 'ingest-source', type: 'text', placeholder: 'e.g. The Times' });
  const date = h('input', { id: 'ingest-date', type: 'date' });
  const previewBtn = h('button', { type: 'submit', class: 'primary', value: 'preview' }, 'Preview');
  const saveBtn = h('button', { type: 'button', id: 'ingest-save' }, 'Save to graph');
  const progress = h('div', { class: 'progress', role: 'status', 'aria-live': 'polite', hidden: true }, h('progress', { 'aria-label': 'Working' }), h('span', { class: 'progress-text' }));
  const messages = h('div', { class: 'ingest-messages', 'aria-live': 'assertive' });
  const preview = h('div', { class: 'ingest-preview' });
  const form = h(
    'form',
    { class: 'ingest-form', 'aria-label': 'Article input' },
    h('label', { for: 'ingest-text' }, 'Text or HTML'), text,
    h('div', { class: 'row' },
      h('div', null, h('label', { for: 'ingest-url' }, 'or a URL'), url),
      h('div', null, h('label', { for: 'ingest-date' }, 'Published (optional)'), date)),
    h('div', { class: 'row' },
      h('div', null, h('label', { for: 'ingest-title' }, 'Title (optional)'), title),
      h('div', null, h('label', { for: 'ingest-source' }, 'Source (optional)'), source)),
    h('div', { class: 'toolbar' }, previewBtn, saveBtn),
  );
  root.append(form, progress, messages, preview);

  function input(): IngestInput | null {
    const body = text.value.trim();
    const u = url.value.trim();
    if (!body && !u) {
      messages.replaceChildren(errorBox({ code: 'BAD_INPUT', message: 'Paste some text or HTML, or give a URL.' }));
      return null;
    }
    const out: IngestInput = {};
    if (body) {
      // HTML when it looks like markup; the server parses it, the browser never does.
      if (/^\s*</.test(body) && /<\/?[a-z][\s\S]*>/i.test(body)) out.html = body;
      else out.text = body;
    } else out.url = u;
    if (title.value.trim()) out.title = title.value.trim();
    if (source.value.trim()) out.source = source.value.trim();
    if (date.value) out.publishedAt = date.value;
    return out;
  }

  async function busy<T>(what: string, fn: () => Promise<T>): Promise<T | undefined> {
    const t0 = performance.now();
    progress.hidden = false;
    const label = progress.querySelector('.progress-text')!;
    const tick = () => (label.textContent = `${what}… ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    tick();
    const timer = setInterval(tick, 200);
    previewBtn.disabled = saveBtn.disabled = true;
    messages.replaceChildren();
    try {
      return await fn();
    } catch (err) {
      // Refused for want of the API token: the form takes it; the user presses Preview or Save again.
      messages.replaceChildren(writeErrorBox(err, () => messages.replaceChildren()));
      return undefined;
    } finally {
      clearInterval(timer);
      progress.hidden = true;
      previewBtn.disabled = saveBtn.disabled = false;
    }
  }

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const inp = input();
    if (!inp) return;
    const res = await busy('Extracting', () => api.preview(inp, ctx.signal));
    if (!res) return;
    const arts = res.articles;
    if (res.errors.length) messages.replaceChildren(...res.errors.map((e) => errorBox({ code: e.code, message: `${e.origin}: ${e.message}` })));
    preview.replaceChildren(
      h('h2', null, `Preview: ${arts.length} article${arts.length === 1 ? '' : 's'}, ${arts.reduce((n, a) => n + a.statements.length, 0)} statements (not saved yet)`),
      ...arts.map((a) => {
        const el = renderArticle(a, a.statements, null, null);
        if (a.skipped) el.prepend(h('p', { class: 'muted' }, a.skipped));
        return el;
      }),
    );
  });
  saveBtn.addEventListener('click', async () => {
    const inp = input();
    if (!inp) return;
    const res = await busy('Saving', () => api.ingest(inp, ctx.signal));
    if (!res) return;
    const arts = res.articles;
    messages.replaceChildren(
      ...res.errors.map((e) => errorBox({ code: e.code, message: `${e.origin}: ${e.message}` })),
      h('div', { class: 'ok', role: 'status' },
        h('p', null, `Saved: ${res.created} new, ${res.unchanged} already in the graph.`),
        h('ul', null, ...arts.map((a) => h('li', null, h('a', { href: href('article', a.id) }, a.title || a.id), ` (${a.status})`)))),
    );
  });
}
