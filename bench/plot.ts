import { scaleLog } from 'd3';

type Result = Record<string, number | string>;

const SERIES = [
  { key: 'timeline.p95', colour: '#1f77b4' },
  { key: 'network.p95', colour: '#d62728' },
  { key: 'actor.p95', colour: '#2ca02c' },
  { key: 'search.p95', colour: '#9467bd' },
  { key: 'store.openMs', colour: '#7f7f7f' },
];

/** A log-log line plot (SVG text) of latency against store size, one line per measured query. */
export function scalingSvg(sizes: number[], bySize: Record<number, Result>): string {
  const W = 640, H = 400, M = { top: 30, right: 150, bottom: 45, left: 60 };
  const values = sizes.flatMap((s) => SERIES.map((x) => Number(bySize[s]?.[x.key])).filter((v) => v > 0));
  const x = scaleLog().domain([Math.min(...sizes), Math.max(...sizes) * 1.0001]).range([M.left, W - M.right]).nice();
  const y = scaleLog().domain([Math.max(0.1, Math.min(...values, 1)), Math.max(...values, 10)]).range([H - M.bottom, M.top]).nice();
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" font-family="sans-serif" font-size="11">`,
    `<rect width="${W}" height="${H}" fill="white"/>`,
    `<text x="${M.left}" y="18" font-size="13">claimgraph: p95 latency (ms) against store size (statements), log-log</text>`,
  ];
  for (const t of x.ticks(6)) parts.push(`<line x1="${x(t)}" x2="${x(t)}" y1="${M.top}" y2="${H - M.bottom}" stroke="#eee"/><text x="${x(t)}" y="${H - M.bottom + 15}" text-anchor="middle">${x.tickFormat(6, '~s')(t)}</text>`);
  for (const t of y.ticks(6)) parts.push(`<line x1="${M.left}" x2="${W - M.right}" y1="${y(t)}" y2="${y(t)}" stroke="#eee"/><text x="${M.left - 6}" y="${y(t) + 4}" text-anchor="end">${y.tickFormat(6, '~g')(t)}</text>`);
  parts.push(`<text x="${(M.left + W - M.right) / 2}" y="${H - 8}" text-anchor="middle">statements in the store</text>`);
  parts.push(`<text transform="translate(14 ${(M.top + H - M.bottom) / 2}) rotate(-90)" text-anchor="middle">milliseconds</text>`);
  SERIES.forEach((s, i) => {
    const pts = sizes.map((size) => [size, Number(bySize[size]?.[s.key])] as const).filter(([, v]) => v > 0);
    if (pts.length) {
      parts.push(`<polyline fill="none" stroke="${s.colour}" stroke-width="2" points="${pts.map(([a, b]) => `${x(a).toFixed(1)},${y(b).toFixed(1)}`).join(' ')}"/>`);
      for (const [a, b] of pts) parts.push(`<circle cx="${x(a).toFixed(1)}" cy="${y(b).toFixed(1)}" r="3" fill="${s.colour}"/>`);
    }
    parts.push(`<rect x="${W - M.right + 12}" y="${M.top + i * 18}" width="12" height="3" fill="${s.colour}"/><text x="${W - M.right + 30}" y="${M.top + i * 18 + 5}">${s.key}</text>`);
  });
  parts.push('</svg>\n');
  return parts.join('\n');
}
