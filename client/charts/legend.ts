/**
 * A reusable swatch legend: `legend().title('Cue').items([...])()` returns a
 * detached element; calling it again updates the same element. Items may be
 * toggled when `.on('toggle')` is set: each swatch is then a real button, so
 * the legend doubles as a keyboard-reachable filter.
 */
export interface LegendItem {
  key: string;
  label: string;
  color: string;
  /** "dot" (default), "line" (edge colours) or "range" (a bar for imprecise dates). */
  shape?: 'dot' | 'line' | 'range' | 'ring';
  /** An SVG path centred on 0,0 (a d3 symbol) drawn instead of the shape: the event types' marks. */
  symbol?: string;
  active?: boolean;
}

export interface Legend {
  (): HTMLElement;
  title(): string;
  title(v: string): Legend;
  items(): LegendItem[];
  items(v: LegendItem[]): Legend;
  on(type: 'toggle', fn: ((key: string, active: boolean) => void) | null): Legend;
}

export function legend(): Legend {
  let title = '';
  let items: LegendItem[] = [];
  let onToggle: ((key: string, active: boolean) => void) | null = null;
  const root = document.createElement('div');
  root.className = 'cg-legend';
  root.setAttribute('role', 'group');

  const chart = (() => {
    root.replaceChildren();
    root.setAttribute('aria-label', title ? `Legend: ${title}` : 'Legend');
    if (title) {
      const t = document.createElement('span');
      t.className = 'cg-legend-title';
      t.textContent = title;
      root.append(t);
    }
    for (const item of items) {
      const el = document.createElement(onToggle ? 'button' : 'span');
      el.className = 'cg-legend-item';
      el.dataset.key = item.key;
      const sw = item.symbol ? symbolSwatch(item.symbol, item.color) : document.createElement('span');
      if (!item.symbol) {
        sw.className = `cg-swatch cg-swatch-${item.shape ?? 'dot'}`;
        (sw as HTMLElement).style.setProperty('--swatch', item.color);
      }
      const label = document.createElement('span');
      label.textContent = item.label;
      el.append(sw, label);
      if (onToggle && el instanceof HTMLButtonElement) {
        const active = item.active !== false;
        el.type = 'button';
        el.setAttribute('aria-pressed', String(active));
        el.addEventListener('click', () => {
          item.active = !(item.active !== false);
          el.setAttribute('aria-pressed', String(item.active));
          onToggle?.(item.key, item.active);
        });
      }
      root.append(el);
    }
    return root;
  }) as unknown as Legend;

  chart.title = ((v?: string) => (v === undefined ? title : ((title = v), chart))) as Legend['title'];
  chart.items = ((v?: LegendItem[]) => (v === undefined ? items : ((items = v), chart))) as Legend['items'];
  chart.on = (_type, fn) => ((onToggle = fn), chart);
  return chart;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

function symbolSwatch(d: string, color: string): Element {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('class', 'cg-swatch-symbol');
  svg.setAttribute('viewBox', '-7 -7 14 14');
  svg.setAttribute('width', '14');
  svg.setAttribute('height', '14');
  svg.setAttribute('aria-hidden', 'true');
  const path = document.createElementNS(SVG_NS, 'path');
  path.setAttribute('d', d);
  path.setAttribute('fill', color);
  svg.append(path);
  return svg;
}
