import { api, type IngestInput } from '../api.js';
import { href } from '../router.js';
import { renderArticle } from './article.js';
import type { ViewContext } from './context.js';
import { errorBox, h } from './dom.js';
import { writeErrorBox } from './token.js';
import { FILE_BATCH_SIZE, FILE_KINDS, recordsOfFiles } from './ingest-files.js';

/**
 * Ingest page: paste text or HTML, or give a URL, with an optional
 * publication date; Preview extracts without storing and shows the
 * highlights; Save stores. Progress shows while the server works. Below it,
 * several files or a folder (text, HTML, JSON, JSON lines) are stored in
 * batches with a progress bar (filesSection).
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
  root.append(form, progress, messages, preview, filesSection(ctx, { source, date }));

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

/**
 * Several files at once, or a folder's: read in the browser into records
 * (ingest-files.ts), sent in batches of FILE_BATCH_SIZE with a progress bar;
 * lines and files that cannot be read are listed and the rest goes on, like
 * the CLI's ingest. The form's source and date apply where a record has none.
 */
function filesSection(ctx: ViewContext, defaults: { source: HTMLInputElement; date: HTMLInputElement }): HTMLElement {
  const accept = FILE_KINDS.join(',');
  const files = h('input', { id: 'ingest-files', type: 'file', multiple: true, accept });
  const folder = h('input', { id: 'ingest-folder', type: 'file', multiple: true, webkitdirectory: '' });
  const saveBtn = h('button', { type: 'button', id: 'ingest-files-save', class: 'primary' }, 'Save files to graph');
  const bar = h('progress', { id: 'ingest-files-progress', max: 1, value: 0, 'aria-label': 'Files saved' });
  const label = h('span', { class: 'progress-text' });
  const progress = h('div', { class: 'progress', role: 'status', 'aria-live': 'polite', hidden: true }, bar, label);
  const messages = h('div', { class: 'ingest-files-messages', 'aria-live': 'assertive' });
  const chosen = (): File[] => [...(files.files ?? []), ...(folder.files ?? [])].filter((f) => FILE_KINDS.some((k) => f.name.toLowerCase().endsWith(k)));

  saveBtn.addEventListener('click', async () => {
    const list = chosen();
    if (list.length === 0) {
      messages.replaceChildren(errorBox({ code: 'BAD_INPUT', message: `Choose files or a folder first (${FILE_KINDS.join(' ')}).` }));
      return;
    }
    saveBtn.disabled = true;
    messages.replaceChildren();
    progress.hidden = false;
    const problems: HTMLElement[] = [];
    const saved = { created: 0, unchanged: 0, failed: 0 };
    try {
      const batch = recordsOfFiles(await Promise.all(list.map(async (f) => ({ name: f.webkitRelativePath || f.name, text: await f.text() }))));
      for (const e of batch.errors) problems.push(errorBox({ code: 'BAD_INPUT', message: `${e.origin}: ${e.message}` }));
      saved.failed += batch.errors.length;
      const total = batch.records.length;
      bar.max = Math.max(total, 1);
      const opts = {
        ...(defaults.source.value.trim() ? { source: defaults.source.value.trim() } : {}),
        ...(defaults.date.value ? { publishedAt: defaults.date.value } : {}),
      };
      for (let i = 0; i < total; i += FILE_BATCH_SIZE) {
        label.textContent = `Saving ${i} of ${total} articles…`;
        bar.value = i;
        const part = batch.records.slice(i, i + FILE_BATCH_SIZE);
        const res = await api.ingestRecords(part.map((r) => r.record), opts, ctx.signal);
        saved.created += res.created;
        saved.unchanged += res.unchanged;
        for (const e of res.errors) {
          const m = /^records\[(\d+)\]/.exec(e.origin);
          const origin = m ? part[Number(m[1])]?.origin ?? e.origin : e.origin;
          problems.push(errorBox({ code: e.code, message: `${origin}: ${e.message}` }));
          saved.failed += 1;
        }
      }
      bar.value = total;
      messages.replaceChildren(
        ...problems,
        h('div', { class: 'ok', role: 'status', id: 'ingest-files-result' },
          h('p', null, `Saved ${list.length} file${list.length === 1 ? '' : 's'}: ${saved.created} new, ${saved.unchanged} already in the graph, ${saved.failed} failed.`),
          h('p', null, h('a', { href: href('timeline') }, 'Open the timeline'))),
      );
    } catch (err) {
      messages.replaceChildren(...problems, writeErrorBox(err, () => messages.replaceChildren()));
    } finally {
      progress.hidden = true;
      saveBtn.disabled = false;
    }
  });

  return h(
    'section',
    { class: 'ingest-files', 'aria-labelledby': 'ingest-files-title' },
    h('h2', { id: 'ingest-files-title' }, 'Or several files at once'),
    h('p', { class: 'muted' }, `Text, HTML, JSON or JSON lines (one article per line: {"title", "text" or "html", "url", "source", "publishedAt"}). The source and date above apply where a file gives none.`),
    h('div', { class: 'row' },
      h('div', null, h('label', { for: 'ingest-files' }, 'Files'), files),
      h('div', null, h('label', { for: 'ingest-folder' }, 'or a folder'), folder)),
    h('div', { class: 'toolbar' }, saveBtn),
    progress,
    messages,
  );
}
