import { api, type ContradictionPage } from '../api.js';
import type { ViewContext } from './context.js';
import { append, errorBox, h, loading } from './dom.js';
import { statementItem } from './statements.js';

const PAGE = 50;

/**
 * Contradiction candidates: pairs of statements a rule found opposed
 * (opposite polarity about the same subject by different speakers, or one
 * speaker reversing). Shown as candidates to review, never as established.
 */
export async function contradictionsView(root: HTMLElement, ctx: ViewContext): Promise<void> {
  append(
    root,
    h('h1', null, 'Contradiction candidates'),
    h('p', { class: 'notice', role: 'note' },
      'Candidates to review, not established contradictions. A rule linked each pair because the wording is opposed ',
      '(a negation, or words like "reject" against "accept") about the same subject. Irony, conditions, hedges and ',
      'reported speech of others fool it: read both sentences in their articles before relying on a pair.'),
  );
  const list = h('ol', { class: 'contradiction-list', 'aria-label': 'Contradiction candidates' });
  const more = h('button', { type: 'button', hidden: true }, 'More');
  const status = h('p', { class: 'muted' });
  root.append(status, list, more);
  let offset = 0;
  const load = async () => {
    const wait = loading('Loading candidates');
    root.append(wait);
    let page: ContradictionPage;
    try {
      page = await api.contradictions({ limit: PAGE, offset }, ctx.signal);
    } catch (err) {
      wait.replaceWith(errorBox(err));
      return;
    } finally {
      wait.remove();
    }
    for (const c of page.items) {
      list.append(h('li', { class: 'contradiction' },
        h('p', { class: 'reason' }, h('strong', null, 'Candidate'), ` · ${c.reason} · score ${c.score.toFixed(2)}`),
        h('div', { class: 'columns' }, h('ol', { class: 'statement-list', 'aria-label': 'Statement' }, statementItem(c.from)),
          h('ol', { class: 'statement-list', 'aria-label': 'Opposed statement' }, statementItem(c.to)))));
    }
    offset += page.items.length;
    status.textContent = page.total === 0 ? 'No candidates: no two statements were found opposed.' : `${Math.min(offset, page.total)} of ${page.total} candidates, strongest first.`;
    more.hidden = page.nextCursor === null;
  };
  more.addEventListener('click', () => void load());
  await load();
}
