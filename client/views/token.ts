import { apiToken } from '../api.js';
import { errorBox, h } from './dom.js';

/**
 * An error box for a write (ingest, merge, split, Cypher); when the server
 * refused it for want of the API token (CLAIMGRAPH_TOKEN is set there), a
 * form under it takes the token, keeps it for this tab and calls `retry`.
 */
export function writeErrorBox(err: unknown, retry: () => void): HTMLElement {
  const box = h('div', null, errorBox(err));
  if ((err as { code?: string }).code === 'UNAUTHORIZED') box.append(tokenForm(retry));
  return box;
}

/** Asks for the API token; kept for this tab only (sessionStorage), sent on POSTs only. */
export function tokenForm(done: () => void): HTMLElement {
  const input = h('input', { type: 'password', name: 'token', autocomplete: 'off', 'aria-label': 'API token' });
  const form = h('form', { class: 'token-form' }, h('label', null, 'This server requires an API token for changes: ', input), ' ', h('button', { type: 'submit' }, 'Use token'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    apiToken.set(input.value.trim() || null);
    done();
  });
  return form;
}
