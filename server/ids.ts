import { createHash } from 'node:crypto';

/** Lower-cased, accent-folded, whitespace-collapsed form used to derive stable ids from names. */
export function normalizeName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[\u2018\u2019']/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** A stable id: prefix + first 16 hex chars of sha256 over the parts joined by NUL. */
export function stableId(prefix: string, ...parts: string[]): string {
  return `${prefix}_${createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 16)}`;
}

export const sourceId = (name: string) => stableId('src', normalizeName(name));
export const actorId = (kind: string, name: string) => stableId('act', kind, normalizeName(name));
export const statementId = (articleId: string, start: number, end: number) => stableId('stm', articleId, String(start), String(end));
