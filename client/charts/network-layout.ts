import { forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY, type Simulation, type SimulationNodeDatum } from 'd3';

/**
 * The network chart's force layout, apart from drawing so it can run in a
 * Web Worker (./network-layout.worker.ts): with 2,000 nodes and 10,000 edges
 * one tick costs ~10-20 ms (the many-body force), which on the main thread
 * halves the frame rate of every zoom, pan and drag. The chart posts the
 * graph once (typed arrays), the layout posts positions back as a
 * transferable Float32Array [x0, y0, x1, y1, ...] per tick; drags are
 * messages too. `layoutEngine` is plain code, so the chart can also run it on
 * the main thread where workers are unavailable.
 */

/** Messages to the layout. `gen` numbers each graph: answers about an older graph are dropped. */
export type LayoutIn =
  | {
      type: 'init';
      gen: number;
      /** Starting positions (NaN: let the layout place it). */
      x: Float32Array;
      y: Float32Array;
      /** Node radii (collision, small graphs only). */
      r: Float32Array;
      /** Edge ends as node indexes, two per edge. */
      links: Uint32Array;
      big: boolean;
      /** Tick synchronously (up to PREWARM_MS) before the first answer. */
      prewarm: boolean;
    }
  /** Pin node i at (x, y); `reheat`: the drag starts, warm the layout up gently. */
  | { type: 'fix'; gen: number; i: number; x: number; y: number; reheat?: boolean }
  /** The drag ended: unpin node i and let the layout cool down. */
  | { type: 'release'; gen: number; i: number }
  /** The reader is zooming or panning: hold the ticks (the CPU goes to drawing) until `resume`. */
  | { type: 'pause'; gen: number }
  | { type: 'resume'; gen: number }
  | { type: 'stop' };

export type LayoutOut =
  | { type: 'positions'; gen: number; xy: Float32Array; alpha: number; ticks: number; tickMs: number }
  | { type: 'end'; gen: number };

/** Longest synchronous layout before the first answer for a big graph, ms. */
export const PREWARM_MS = 1500;
/** One tick per this many ms at most: small layouts animate as d3's own timer would. */
const TICK_INTERVAL_MS = 16;

interface Node extends SimulationNodeDatum {
  r: number;
}

/** Where d3-force puts node i when it has no position (its phyllotaxis): the chart uses it before the first answer. */
export function initialPosition(i: number): [number, number] {
  const radius = 10 * Math.sqrt(0.5 + i);
  const angle = i * Math.PI * (3 - Math.sqrt(5));
  return [radius * Math.cos(angle), radius * Math.sin(angle)];
}

/**
 * Runs the layout and calls `post` with each answer. Timers: `setTimeout`,
 * so it works in a worker and on the main thread alike.
 */
export function layoutEngine(post: (msg: LayoutOut, transfer: Transferable[]) => void): { receive(msg: LayoutIn): void } {
  let sim: Simulation<Node, undefined> | null = null;
  let nodes: Node[] = [];
  let gen = -1;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let ticks = 0;
  let reheatTarget = 0.3;
  let paused = false;

  const send = (tickMs: number) => {
    const xy = new Float32Array(nodes.length * 2);
    for (let i = 0; i < nodes.length; i++) {
      xy[2 * i] = nodes[i]!.x ?? 0;
      xy[2 * i + 1] = nodes[i]!.y ?? 0;
    }
    post({ type: 'positions', gen, xy, alpha: sim?.alpha() ?? 0, ticks, tickMs }, [xy.buffer]);
  };

  const schedule = () => {
    if (timer !== null || !sim || paused) return;
    timer = setTimeout(loop, 0);
  };

  function loop() {
    timer = null;
    if (!sim || paused) return;
    if (sim.alpha() < sim.alphaMin() && sim.alphaTarget() < sim.alphaMin()) {
      post({ type: 'end', gen }, []);
      return;
    }
    const t0 = performance.now();
    sim.tick();
    ticks++;
    const dt = performance.now() - t0;
    send(dt);
    timer = setTimeout(loop, Math.max(0, TICK_INTERVAL_MS - dt));
  }

  function stop() {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    sim?.stop();
  }

  return {
    receive(msg: LayoutIn) {
      if (msg.type === 'stop') {
        stop();
        sim = null;
        return;
      }
      if (msg.type === 'init') {
        stop();
        gen = msg.gen;
        ticks = 0;
        paused = false;
        const n = msg.x.length;
        nodes = Array.from({ length: n }, (_, i) => {
          const x = msg.x[i]!;
          const y = msg.y[i]!;
          return Number.isNaN(x) || Number.isNaN(y) ? { r: msg.r[i]! } : { r: msg.r[i]!, x, y };
        });
        const links: { source: number; target: number }[] = [];
        for (let i = 0; i + 1 < msg.links.length; i += 2) links.push({ source: msg.links[i]!, target: msg.links[i + 1]! });
        const big = msg.big;
        reheatTarget = big ? 0.1 : 0.3;
        sim = forceSimulation<Node>(nodes)
          .force('link', forceLink<Node, { source: number; target: number } & { index?: number }>(links).distance(big ? 30 : 70))
          .force('charge', forceManyBody<Node>().strength(big ? -25 : -220).theta(0.95).distanceMax(big ? 250 : 600))
          .force('x', forceX<Node>().strength(big ? 0.06 : 0.04))
          .force('y', forceY<Node>().strength(big ? 0.06 : 0.04))
          .alphaDecay(big ? 0.04 : 0.0228)
          .stop() as unknown as Simulation<Node, undefined>;
        if (!big) sim.force('collide', forceCollide<Node>((d) => d.r + 2));
        // A big layout stops a little earlier: its last hundred ticks move nothing one can see.
        if (big) sim.alphaMin(0.01);
        if (msg.prewarm) {
          // Settle most of a big layout before the first answer: animating every early
          // tick of 2,000 nodes shows seconds of motion nobody can read.
          const t0 = performance.now();
          while (sim.alpha() > 0.08 && performance.now() - t0 < PREWARM_MS) {
            sim.tick();
            ticks++;
          }
          send((performance.now() - t0) / Math.max(1, ticks));
        }
        schedule();
        return;
      }
      if (msg.gen !== gen || !sim) return;
      if (msg.type === 'pause' || msg.type === 'resume') {
        paused = msg.type === 'pause';
        if (paused && timer !== null) clearTimeout(timer);
        if (paused) timer = null;
        else schedule();
        return;
      }
      paused = false;
      const node = nodes[msg.i];
      if (!node) return;
      if (msg.type === 'fix') {
        node.fx = msg.x;
        node.fy = msg.y;
        if (msg.reheat) sim.alphaTarget(reheatTarget);
      } else {
        node.fx = null;
        node.fy = null;
        sim.alphaTarget(0);
      }
      schedule();
    },
  };
}
