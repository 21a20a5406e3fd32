/**
 * The network chart's force layout in a Web Worker (a module worker, bundled
 * by Vite as its own file under /assets, so the CSP's `script-src 'self'`
 * covers it). All the work is in ./network-layout.ts.
 */
import { layoutEngine, type LayoutIn, type LayoutOut } from './network-layout.js';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<LayoutIn>) => void) | null;
  postMessage(msg: LayoutOut, transfer: Transferable[]): void;
};

const engine = layoutEngine((msg, transfer) => scope.postMessage(msg, transfer));
scope.onmessage = (event) => engine.receive(event.data);
