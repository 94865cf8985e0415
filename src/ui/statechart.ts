// The saga type's statechart as inline SVG, laid out on the server with ELK (layered, hierarchy
// included so transitions into compound states route across levels). The layout is pure per
// type@version and cached; overlays (taken / current / owed) are only CSS classes on the nodes,
// so the page stays script-free and the CSP needs no inline styles.
import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api.js';
import { configurationKey, type SagaDefinition } from '../../sagas/kit/index.ts';
import { html, type Html } from './html.ts';

/** The parts of an XState v5 StateNode the chart reads. */
interface ChartStateNode {
  key: string;
  id: string;
  type: 'atomic' | 'compound' | 'parallel' | 'final' | 'history';
  states: Record<string, ChartStateNode>;
  transitions: Map<string, readonly { target?: readonly ChartStateNode[] | undefined }[]>;
  always?: readonly { target?: readonly ChartStateNode[] | undefined }[] | undefined;
}

interface ChartNode {
  id: string;
  key: string;
  type: ChartStateNode['type'];
  /** Key path from the root (the root itself excluded). */
  path: readonly string[];
  x: number;
  y: number;
  width: number;
  height: number;
  container: boolean;
  depth: number;
}

interface ChartEdge {
  label: string;
  points: readonly { x: number; y: number }[];
  labelAt: { x: number; y: number } | null;
}

/** A laid-out chart: absolute coordinates, ready to render with any overlay. */
export interface ChartLayout {
  width: number;
  height: number;
  nodes: readonly ChartNode[];
  edges: readonly ChartEdge[];
  /** Milliseconds the ELK layout took (for the first render's log). */
  layoutMs: number;
}

/** What to mark on the chart: sets of state node ids. */
export interface ChartOverlay {
  taken: ReadonlySet<string>;
  current: ReadonlySet<string>;
  owed: ReadonlySet<string>;
}

const CHAR_W = 7.2;
const NODE_H = 28;
const LABEL_H = 16;
const PAD = 12;

/** `xstate.after.timeout.<step>…` → `timeout`, `xstate.after.backoff…` → `backoff`, `xstate.done.state…` → `done`. */
export function shortEventLabel(event: string): string {
  const after = /^xstate\.after\.([^.]+)/.exec(event);
  if (after) return after[1]!;
  if (event.startsWith('xstate.done.')) return 'done';
  if (event.startsWith('xstate.error.')) return 'error';
  return event;
}

function textWidth(text: string): number {
  return Math.ceil(text.length * CHAR_W) + 2 * PAD;
}

function root(def: SagaDefinition): ChartStateNode {
  return (def.machine as unknown as { root: ChartStateNode }).root;
}

/** ELK graph of the machine: one node per state node, one edge per (source, target, label). */
function toElk(top: ChartStateNode): { graph: ElkNode; info: Map<string, { node: ChartStateNode; path: string[]; depth: number }> } {
  const info = new Map<string, { node: ChartStateNode; path: string[]; depth: number }>();
  const edges: ElkExtendedEdge[] = [];
  const seen = new Set<string>();
  const addEdge = (from: ChartStateNode, to: ChartStateNode, label: string) => {
    const k = `${from.id}\u0000${to.id}\u0000${label}`;
    if (seen.has(k)) return;
    seen.add(k);
    edges.push({
      id: `e${edges.length}`,
      sources: [from.id],
      targets: [to.id],
      labels: [{ id: `e${edges.length}l`, text: label, width: Math.ceil(label.length * 6.2) + 4, height: 14 }],
    });
  };
  const build = (n: ChartStateNode, path: string[], depth: number): ElkNode => {
    info.set(n.id, { node: n, path, depth });
    for (const [event, ts] of n.transitions) for (const t of ts) for (const to of t.target ?? []) addEdge(n, to, shortEventLabel(event));
    for (const t of n.always ?? []) for (const to of t.target ?? []) addEdge(n, to, 'always');
    const children = Object.values(n.states);
    if (children.length === 0) return { id: n.id, width: textWidth(n.key), height: NODE_H };
    return {
      id: n.id,
      labels: [{ text: n.key, width: textWidth(n.key), height: LABEL_H }],
      layoutOptions: { 'elk.padding': `[top=${LABEL_H + 14},left=${PAD},bottom=${PAD},right=${PAD}]`, 'elk.nodeLabels.placement': 'INSIDE V_TOP H_CENTER' },
      children: children.map((c) => build(c, [...path, c.key], depth + 1)),
    };
  };
  const children = Object.values(top.states).map((c) => build(c, [c.key], 0));
  info.set(top.id, { node: top, path: [], depth: -1 });
  for (const [event, ts] of top.transitions) for (const t of ts) for (const to of t.target ?? []) addEdge(top, to, shortEventLabel(event));
  return {
    graph: {
      id: '__root',
      layoutOptions: {
        'elk.algorithm': 'layered',
        'elk.direction': 'DOWN',
        'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
        'elk.edgeRouting': 'POLYLINE',
        'elk.layered.spacing.nodeNodeBetweenLayers': '36',
        'elk.spacing.nodeNode': '24',
        'elk.spacing.edgeLabel': '2',
        'elk.edgeLabels.placement': 'CENTER',
        'elk.json.shapeCoords': 'ROOT',
        'elk.json.edgeCoords': 'ROOT',
        'elk.padding': '[top=8,left=8,bottom=8,right=8]',
      },
      children,
      edges,
    },
    info,
  };
}

// The bundle is CommonJS: under NodeNext its typed default export is one level down.
const elk = new ELK.default();
const cache = new Map<string, Promise<ChartLayout>>();

/** Lays out the definition's machine (cached per type@version: the layout is pure). */
export function chartLayout(type: string, def: SagaDefinition): Promise<ChartLayout> {
  const key = `${type}@${def.version}`;
  let hit = cache.get(key);
  if (!hit) {
    hit = layoutOf(def);
    // A failed layout is not cached: the next request tries again.
    hit.catch(() => cache.delete(key));
    cache.set(key, hit);
  }
  return hit;
}

async function layoutOf(def: SagaDefinition): Promise<ChartLayout> {
  const started = performance.now();
  const { graph, info } = toElk(root(def));
  const out = await elk.layout(graph);
  const nodes: ChartNode[] = [];
  const walk = (n: ElkNode) => {
    for (const c of n.children ?? []) {
      const i = info.get(c.id)!;
      nodes.push({
        id: c.id,
        key: i.node.key,
        type: i.node.type,
        path: i.path,
        x: c.x ?? 0,
        y: c.y ?? 0,
        width: c.width ?? 0,
        height: c.height ?? 0,
        container: (c.children ?? []).length > 0,
        depth: i.depth,
      });
      walk(c);
    }
  };
  walk(out);
  const edges: ChartEdge[] = [];
  const collect = (n: ElkNode) => {
    for (const e of (n.edges ?? []) as ElkExtendedEdge[]) {
      for (const s of e.sections ?? []) {
        const label = e.labels?.[0];
        edges.push({
          label: label?.text ?? '',
          points: [s.startPoint, ...(s.bendPoints ?? []), s.endPoint],
          labelAt: label && label.x !== undefined && label.y !== undefined ? { x: label.x + (label.width ?? 0) / 2, y: label.y + (label.height ?? 0) / 2 } : null,
        });
      }
    }
    for (const c of n.children ?? []) collect(c);
  };
  collect(out);
  return { width: Math.ceil(out.width ?? 0), height: Math.ceil(out.height ?? 0), nodes, edges, layoutMs: performance.now() - started };
}

/** The state nodes a snapshot value is in, from the root down (every level, not only the leaves). */
function nodesOfValue(top: ChartStateNode, value: unknown): ChartStateNode[] {
  const out: ChartStateNode[] = [];
  const visit = (n: ChartStateNode, v: unknown) => {
    if (typeof v === 'string') {
      const c = n.states[v];
      if (c) out.push(c);
      return;
    }
    if (typeof v === 'object' && v !== null) {
      for (const [k, sub] of Object.entries(v as Record<string, unknown>)) {
        const c = n.states[k];
        if (!c) continue;
        out.push(c);
        visit(c, sub);
      }
    }
  };
  visit(top, value);
  return out;
}

/** The compensations a saga in state `current` would run if it aborted now (its compensation map's entry), in order. */
export function owedCompensations(def: SagaDefinition, current: unknown): readonly string[] {
  return def.compensationMap?.[configurationKey(nodesOfValue(root(def), current))] ?? [];
}

/** Overlay for one saga: states ever entered (from the history), the current ones, and owed compensations. */
export function sagaOverlay(def: SagaDefinition, current: unknown, historyStates: readonly string[]): ChartOverlay {
  const top = root(def);
  const taken = new Set<string>();
  for (const raw of historyStates) {
    try {
      for (const n of nodesOfValue(top, JSON.parse(raw))) taken.add(n.id);
    } catch {
      // An unreadable row marks nothing.
    }
  }
  // Every saga rested in the initial state until START, which no history row records.
  const initial = def.machine.root.config.initial;
  if (typeof initial === 'string') for (const n of nodesOfValue(top, initial)) taken.add(n.id);
  const nowIn = nodesOfValue(top, current);
  const owedSteps = def.compensationMap?.[configurationKey(nowIn)] ?? [];
  const owed = new Set<string>();
  if (owedSteps.length > 0) {
    const all: { node: ChartStateNode; path: string[] }[] = [];
    const walk = (n: ChartStateNode, path: string[]) => {
      for (const c of Object.values(n.states)) {
        all.push({ node: c, path: [...path, c.key] });
        walk(c, [...path, c.key]);
      }
    };
    walk(top, []);
    for (const step of owedSteps) {
      const matches = all.filter((a) => a.node.key === step);
      // A compensation step's state sits under `compensating` when the key is reused elsewhere.
      const preferred = matches.filter((a) => a.path.includes('compensating'));
      for (const m of preferred.length > 0 ? preferred : matches) owed.add(m.node.id);
    }
  }
  return { taken, current: new Set(nowIn.map((n) => n.id)), owed };
}

const r = (n: number) => Math.round(n * 10) / 10;

/** The chart as inline SVG plus an HTML legend (the overlay, if any, as classes and symbols). */
export function renderChart(layout: ChartLayout, title: string, overlay?: ChartOverlay, idPrefix = 'sc'): Html {
  const marks = (id: string) => {
    if (!overlay) return { cls: '', sym: '' };
    const cls: string[] = [];
    let sym = '';
    if (overlay.taken.has(id)) cls.push('taken');
    if (overlay.current.has(id)) {
      cls.push('current');
      sym += '● ';
    }
    if (overlay.owed.has(id)) {
      cls.push('owed');
      sym += '★ ';
    }
    if (!overlay.taken.has(id) && !overlay.current.has(id)) cls.push('untaken');
    return { cls: cls.length > 0 ? ` ${cls.join(' ')}` : '', sym };
  };
  const nodes = layout.nodes.map((n) => {
    const m = marks(n.id);
    const kind = n.container ? 'container' : n.type === 'final' ? 'leaf final' : 'leaf';
    return html`<g class="sc-node ${kind}${m.cls}" data-state="${n.id}" data-key="${n.key}">
<rect x="${r(n.x)}" y="${r(n.y)}" width="${r(n.width)}" height="${r(n.height)}" rx="${n.container ? 6 : 12}"></rect>
<text x="${r(n.x + n.width / 2)}" y="${r(n.container ? n.y + 17 : n.y + n.height / 2 + 4)}" text-anchor="middle">${m.sym}${n.key}</text>
</g>
`;
  });
  const edges = layout.edges.map(
    (e) => html`<g class="sc-edge"><polyline points="${e.points.map((p) => `${r(p.x)},${r(p.y)}`).join(' ')}" marker-end="url(#${idPrefix}-arrow)"></polyline>${
      e.labelAt ? html`<text x="${r(e.labelAt.x)}" y="${r(e.labelAt.y + 4)}" text-anchor="middle">${e.label}</text>` : ''
    }</g>
`,
  );
  const description = overlay
    ? `${title}: states taken are outlined bold, current states are marked with a dot, owed compensations with a star.`
    : title;
  return html`<figure class="statechart">
<div class="statechart-scroll" tabindex="0" role="region" aria-label="${title} (scrollable)">
<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="${idPrefix}-title" viewBox="0 0 ${layout.width} ${layout.height}" width="${layout.width}" height="${layout.height}">
<title id="${idPrefix}-title">${description}</title>
<defs><marker id="${idPrefix}-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z"></path></marker></defs>
${nodes}${edges}</svg>
</div>
${
  overlay
    ? html`<figcaption><ul class="sc-legend">
<li><span class="sc-key current">● current</span> the saga is in this state now</li>
<li><span class="sc-key taken">bold outline</span> the saga passed through this state</li>
<li><span class="sc-key owed">★ owed</span> compensation owed if the saga aborted now</li>
<li><span class="sc-key plain">dashed outline</span> not reached</li>
</ul></figcaption>`
    : html`<figcaption>Statechart: states (rounded boxes, containers hold their sub-states) and transitions labelled with their event.</figcaption>`
}
</figure>`;
}
