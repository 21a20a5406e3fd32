import { api } from '../api.js';
import type { ViewContext } from './context.js';
import { append, h } from './dom.js';
import { pagedList } from './paged.js';
import { statementItem } from './statements.js';

const PAGE = 20;

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
  const list = pagedList(
    ctx,
    ({ q, sort, offset, limit }, signal) => api.contradictions({ q, sort, offset, limit }, signal),
    (c) =>
      h('li', { class: 'contradiction' },
        h('p', { class: 'reason' }, h('strong', null, 'Candidate'), ` · ${c.reason} · score ${c.score.toFixed(2)}`),
        h('div', { class: 'columns' }, h('ol', { class: 'statement-list', 'aria-label': 'Statement' }, statementItem(c.from)),
          h('ol', { class: 'statement-list', 'aria-label': 'Opposed statement' }, statementItem(c.to)))),
    {
      label: 'contradiction candidates', empty: 'No candidates: no two statements were found opposed.', pageSize: PAGE,
      sorts: [['strongest', 'Strongest first'], ['newest', 'Newest first'], ['oldest', 'Oldest first']],
      listClass: 'contradiction-list', filterPlaceholder: 'Filter by words or a speaker…',
    },
  );
  root.append(list);
  await list.ready;
}
