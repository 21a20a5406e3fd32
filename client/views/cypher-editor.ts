/**
 * A small Cypher editor: a textarea under a highlighted mirror, and an
 * autocomplete list of keywords, functions, labels, relationship types and
 * property keys. Chosen over @neo4j-cypher/codemirror 1.0.3 (the only
 * release line that installs on Node 20), which pulls the old ANTLR
 * editor-support runtime into the bundle (~1 MB) for what is, here, a
 * one-query console. The textarea stays the real control, so native
 * editing, undo, IME, screen readers and the keyboard all keep working.
 */
export interface CypherEditor {
  el: HTMLElement;
  textarea: HTMLTextAreaElement;
  value(): string;
  setValue(v: string): void;
  /** Names offered by autocomplete, in addition to keywords and functions. */
  setSchema(s: { labels?: string[]; relTypes?: string[]; properties?: string[] }): void;
  focus(): void;
}

const KEYWORDS = [
  'MATCH', 'OPTIONAL', 'WHERE', 'RETURN', 'WITH', 'UNWIND', 'ORDER', 'BY', 'ASC', 'DESC', 'SKIP', 'LIMIT', 'DISTINCT',
  'AS', 'AND', 'OR', 'NOT', 'XOR', 'IN', 'IS', 'NULL', 'TRUE', 'FALSE', 'CASE', 'WHEN', 'THEN', 'ELSE', 'END', 'UNION',
  'ALL', 'CALL', 'YIELD', 'EXISTS', 'COUNT', 'CONTAINS', 'STARTS', 'ENDS', 'CREATE', 'MERGE', 'DELETE', 'DETACH', 'SET', 'REMOVE',
];
const FUNCTIONS = [
  'count', 'collect', 'size', 'toLower', 'toUpper', 'coalesce', 'labels', 'type', 'keys', 'properties', 'id', 'elementId',
  'min', 'max', 'avg', 'sum', 'head', 'last', 'nodes', 'relationships', 'length', 'substring', 'split', 'trim', 'date',
  'datetime', 'duration', 'toString', 'toInteger', 'toFloat', 'any', 'all', 'none', 'exists', 'startNode', 'endNode',
];
const KEYWORD_SET = new Set(KEYWORDS);

interface Token {
  text: string;
  kind: 'kw' | 'fn' | 'str' | 'num' | 'comment' | 'label' | 'param' | 'var' | 'punct' | 'ws' | 'prop';
}

/** Splits Cypher into coloured tokens. Lenient: unterminated strings run to the end. */
export function tokenize(src: string): Token[] {
  const out: Token[] = [];
  const re = /(\/\/[^\n]*|\/\*[\s\S]*?(?:\*\/|$))|('(?:[^'\\]|\\.)*(?:'|$)|"(?:[^"\\]|\\.)*(?:"|$))|(\$[A-Za-z_][A-Za-z0-9_]*)|(`[^`]*`?)|(\d+(?:\.\d+)?)|([A-Za-z_][A-Za-z0-9_]*)|(\s+)|([\s\S])/g;
  let m: RegExpExecArray | null;
  let prev = '';
  while ((m = re.exec(src))) {
    const [t, comment, str, param, backtick, num, word, ws] = m;
    let kind: Token['kind'] = 'punct';
    if (comment) kind = 'comment';
    else if (str) kind = 'str';
    else if (param) kind = 'param';
    else if (num) kind = 'num';
    else if (ws) kind = 'ws';
    else if (word || backtick) {
      if (prev === ':') kind = 'label';
      else if (prev === '.') kind = 'prop';
      else if (word && KEYWORD_SET.has(word.toUpperCase())) kind = 'kw';
      else if (word && src[re.lastIndex] === '(') kind = 'fn';
      else kind = 'var';
    }
    out.push({ text: t, kind });
    if (kind !== 'ws') prev = t;
  }
  return out;
}

export function cypherEditor(opts: { id: string; label: string; onRun: () => void; rows?: number }): CypherEditor {
  let labels: string[] = [];
  let relTypes: string[] = [];
  let properties: string[] = [];

  const el = document.createElement('div');
  el.className = 'cypher-editor';
  const mirror = document.createElement('pre');
  mirror.className = 'cypher-mirror';
  mirror.setAttribute('aria-hidden', 'true');
  const textarea = document.createElement('textarea');
  textarea.id = opts.id;
  textarea.rows = opts.rows ?? 6;
  textarea.spellcheck = false;
  textarea.autocapitalize = 'off';
  textarea.setAttribute('autocomplete', 'off');
  textarea.setAttribute('aria-label', opts.label);
  textarea.setAttribute('aria-autocomplete', 'list');
  textarea.setAttribute('aria-describedby', `${opts.id}-help`);
  const listbox = document.createElement('ul');
  listbox.className = 'cypher-complete';
  listbox.id = `${opts.id}-complete`;
  listbox.setAttribute('role', 'listbox');
  listbox.hidden = true;
  textarea.setAttribute('aria-controls', listbox.id);
  const help = document.createElement('p');
  help.id = `${opts.id}-help`;
  help.className = 'hint';
  help.textContent = 'Ctrl+Enter runs the query. Ctrl+Space completes; Tab or Enter accepts a suggestion, Escape closes the list.';
  const field = document.createElement('div');
  field.className = 'cypher-field';
  field.append(mirror, textarea, listbox);
  el.append(field, help);

  let options: string[] = [];
  let active = 0;

  function paint() {
    mirror.replaceChildren();
    for (const t of tokenize(textarea.value)) {
      if (t.kind === 'ws' || t.kind === 'punct') mirror.append(document.createTextNode(t.text));
      else {
        const s = document.createElement('span');
        s.className = `tok-${t.kind}`;
        s.textContent = t.text;
        mirror.append(s);
      }
    }
    // A trailing newline needs a character after it to get its own line in the mirror.
    mirror.append(document.createTextNode('\n'));
    mirror.scrollTop = textarea.scrollTop;
    mirror.scrollLeft = textarea.scrollLeft;
  }

  function wordAtCaret(): { start: number; prefix: string; before: string } {
    const pos = textarea.selectionStart;
    const text = textarea.value.slice(0, pos);
    const m = /[A-Za-z_][A-Za-z0-9_]*$/.exec(text);
    const start = m ? pos - m[0].length : pos;
    return { start, prefix: m ? m[0] : '', before: textarea.value[start - 1] ?? '' };
  }

  function suggest(force = false) {
    const { prefix, before } = wordAtCaret();
    if (!force && prefix.length < 1) return close();
    let pool: string[];
    if (before === ':') pool = [...labels, ...relTypes];
    else if (before === '.') pool = properties;
    else pool = [...KEYWORDS, ...FUNCTIONS.map((f) => `${f}(`)];
    const p = prefix.toLowerCase();
    options = [...new Set(pool)].filter((o) => o.toLowerCase().startsWith(p) && o.toLowerCase() !== p).slice(0, 12);
    if (options.length === 0) return close();
    active = 0;
    renderList();
  }

  function renderList() {
    listbox.replaceChildren(
      ...options.map((o, i) => {
        const li = document.createElement('li');
        li.id = `${listbox.id}-${i}`;
        li.setAttribute('role', 'option');
        li.setAttribute('aria-selected', String(i === active));
        li.textContent = o;
        li.addEventListener('mousedown', (e) => {
          e.preventDefault();
          accept(i);
        });
        return li;
      }),
    );
    listbox.hidden = false;
    textarea.setAttribute('aria-expanded', 'true');
    textarea.setAttribute('aria-activedescendant', `${listbox.id}-${active}`);
    placeList();
  }

  function placeList() {
    // Line and column of the caret, in character cells of the monospace font.
    const upto = textarea.value.slice(0, textarea.selectionStart);
    const lines = upto.split('\n');
    const style = getComputedStyle(textarea);
    const lh = parseFloat(style.lineHeight) || 20;
    const cw = parseFloat(style.fontSize) * 0.6 || 8;
    listbox.style.top = `${Math.min(textarea.clientHeight, lines.length * lh - textarea.scrollTop + 8)}px`;
    listbox.style.left = `${Math.min(textarea.clientWidth - 160, (lines[lines.length - 1]!.length) * cw + 10)}px`;
  }

  function close() {
    options = [];
    listbox.hidden = true;
    textarea.setAttribute('aria-expanded', 'false');
    textarea.removeAttribute('aria-activedescendant');
  }

  function accept(i: number) {
    const choice = options[i];
    if (choice === undefined) return;
    const { start } = wordAtCaret();
    const end = textarea.selectionStart;
    textarea.setRangeText(choice, start, end, 'end');
    close();
    paint();
    textarea.focus();
  }

  textarea.addEventListener('input', () => {
    paint();
    suggest();
  });
  textarea.addEventListener('scroll', () => {
    mirror.scrollTop = textarea.scrollTop;
    mirror.scrollLeft = textarea.scrollLeft;
  });
  textarea.addEventListener('blur', () => setTimeout(close, 100));
  textarea.addEventListener('keydown', (e) => {
    if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
      e.preventDefault();
      close();
      opts.onRun();
      return;
    }
    if (e.ctrlKey && e.key === ' ') {
      e.preventDefault();
      suggest(true);
      return;
    }
    if (listbox.hidden) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      active = (active + (e.key === 'ArrowDown' ? 1 : options.length - 1)) % options.length;
      renderList();
    } else if (e.key === 'Enter' || e.key === 'Tab') {
      e.preventDefault();
      accept(active);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      close();
    }
  });

  paint();
  return {
    el,
    textarea,
    value: () => textarea.value,
    setValue(v: string) {
      textarea.value = v;
      paint();
    },
    setSchema(s) {
      labels = s.labels ?? labels;
      relTypes = s.relTypes ?? relTypes;
      properties = s.properties ?? properties;
    },
    focus: () => textarea.focus(),
  };
}
