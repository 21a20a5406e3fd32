import type { Route } from '../router.js';

/** What a view gets when mounted; `signal` aborts and `invalidation` resolves when it is left. */
export interface ViewContext {
  route: Route;
  signal: AbortSignal;
  invalidation: Promise<void>;
  /** Writes view state into the URL (shareable) without remounting. */
  setParams(p: Record<string, string | null | undefined>): void;
  /** Navigates to another hash route. */
  go(hash: string): void;
  /** Usable width of the main column in px. */
  width(): number;
}

export type View = (root: HTMLElement, ctx: ViewContext) => Promise<void> | void;
