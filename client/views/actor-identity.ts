import { api, type ActorDetail } from '../api.js';
import { href } from '../router.js';
import { formatWhen, h } from './dom.js';
import { writeErrorBox } from './token.js';

/**
 * The actor page's identity section: split an actor merged into this one,
 * find another actor and merge it into this one, and the decisions so far.
 * Decisions are stored as such (POST /api/actors/merge, /split) and survive
 * re-ingest. No confirm dialogs: choosing a found actor's button is the
 * confirmation, and a split undoes a merge.
 */
export function identitySection(view: ActorDetail, reload: () => void): HTMLElement {
  const a = view.actor;
  const status = h('div', { class: 'identity-status', role: 'status', 'aria-live': 'polite' });
  const fail = (err: unknown) => status.replaceChildren(writeErrorBox(err, () => status.replaceChildren()));
  const act = async (button: HTMLButtonElement, run: () => Promise<unknown>) => {
    button.disabled = true;
    try {
      await run();
      reload();
    } catch (err) {
      button.disabled = false;
      fail(err);
    }
  };

  const members = a.mergedFrom.length
    ? h('ul', { class: 'plain-list merged-members' }, ...a.mergedFrom.map((m) => {
        const button = h('button', { type: 'button', 'data-split': m.id }, `Split ${m.name} off`);
        button.addEventListener('click', () => void act(button, () => api.splitActor(m.id, `split from ${a.name} in the UI`)));
        return h('li', null, h('span', null, m.name), ' ', button);
      }))
    : h('p', { class: 'muted' }, 'No other actor is merged into this one.');

  const input = h('input', { type: 'search', name: 'merge-q', placeholder: 'Find an actor by name or alias', 'aria-label': 'Find an actor to merge into this one', autocomplete: 'off' });
  const found = h('ul', { class: 'plain-list merge-candidates', 'aria-label': 'Actors found' });
  const form = h('form', { class: 'merge-form' }, input, ' ', h('button', { type: 'submit' }, 'Find'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const q = input.value.trim();
    if (!q) return;
    status.replaceChildren();
    api.actors({ q, limit: 10 }).then(
      (page) => {
        const others = page.items.filter((x) => x.id !== a.id);
        found.replaceChildren(
          ...(others.length
            ? others.map((x) => {
                const button = h('button', { type: 'button', 'data-merge': x.id }, `Merge into ${a.name}`);
                button.addEventListener('click', () => void act(button, () => api.mergeActors({ from: x.id, into: a.id, note: `merged into ${a.name} in the UI` })));
                return h('li', null, h('a', { href: href('actor', x.id) }, x.name), h('span', { class: 'muted' }, ` (${x.kind}, ${x.said} said, ${x.about} about) `), button);
              })
            : [h('li', { class: 'muted' }, 'No other actor matches.')]),
        );
      },
      fail,
    );
  });

  const decisions = view.merges.length
    ? h('ul', { class: 'plain-list merge-decisions' }, ...view.merges.map((d) =>
        h('li', null, `${d.fromName ?? d.from} merged into ${d.intoName ?? d.into} on ${formatWhen(d.at, 'minute')}`,
          d.undoneAt ? ` · split on ${formatWhen(d.undoneAt, 'minute')}` : '', d.note ? h('span', { class: 'muted' }, ` · ${d.note}`) : null)))
    : h('p', { class: 'muted' }, 'No merge decisions.');

  return h('section', { class: 'actor-identity', 'aria-labelledby': 'identity-h' },
    h('h2', { id: 'identity-h' }, 'Identity'),
    h('p', { class: 'muted' }, 'The same person or body under two names? Merge the other actor into this one; a split undoes it. Decisions are kept across re-ingest.'),
    h('h3', null, 'Merged into this actor'), members,
    h('h3', null, 'Merge another actor into this one'), form, found,
    status,
    h('h3', null, 'Decisions'), decisions);
}
