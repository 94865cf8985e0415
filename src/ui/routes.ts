// The saga explorer: server-rendered pages under /ui for the on-call engineer. Read-only; every
// page works without JavaScript. The one script (/ui/assets/live.js, from 'self' only) adds live
// updates to the saga page over Server-Sent Events (/ui/sagas/:id/events).
import Router from '@koa/router';
import type { Context, Next } from 'koa';
import type { RegisteredSagaType } from '../../sagas/kit/index.ts';
import { encodeCursor, parseDeadLetterQuery, parseListQuery, withoutEmpty } from '../api/list-query.ts';
import { historyBody, sagaBody } from '../api/presenters.ts';
import { statePath, type SagaEngine, type SagaView } from '../engine/index.ts';
import { classify, NotFoundError } from '../errors.ts';
import { httpStatusOf } from '../http/problem.ts';
import type { Logger } from '../logger.ts';
import type { DeadLettersReader } from '../messaging/index.ts';
import { decodeDeadLetter } from './decode-payload.ts';
import type { HistoryRow } from '../store/index.ts';
import { contextDiffs, type ContextDiffs } from './context-diff.ts';
import type { Html } from './html.ts';
import { deadLettersPage } from './pages/dead-letters.ts';
import { errorPage, type Nav } from './pages/layout.ts';
import { uiAccess, type UiAccess } from './access.ts';
import { actionRoutes } from './action-routes.ts';
import { listPage, type ListRow } from './pages/list.ts';
import { sagaPage } from './pages/saga.ts';
import { typePage } from './pages/type.ts';
import { chartLayout, renderChart, sagaOverlay, type ChartLayout } from './statechart.ts';
import { LIVE_SCRIPT } from './live.ts';
import { streamListChanges, streamSagaEvents, type SagaEventsOptions } from './sse.ts';
import { FAVICON, STYLESHEET } from './style.ts';

export interface UiOptions {
  engine: Pick<SagaEngine, 'list' | 'get' | 'history' | 'historySince' | 'submit' | 'cancel' | 'retry'>;
  sagaTypes: readonly RegisteredSagaType[];
  logger: Logger;
  /** Clock for ages and durations (tests pin it). */
  now?: () => number;
  /** Poll and heartbeat intervals of the saga page's live updates (tests shorten them). */
  live?: SagaEventsOptions;
  /** Who may act through the forms (sign-in with ADMIN_TOKEN, CSRF); open actions with CSRF checks by default. */
  access?: UiAccess;
  /** Reads the dead-letter stream for /ui/dead-letters; without it that page says it is not available. */
  deadLetters?: Pick<DeadLettersReader, 'list'>;
}

/** The CSP of every /ui response: scripts and styles only from /ui/assets (never inline), connections (the live updates) only to 'self'. */
export const UI_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/** The explorer's routes (GET /ui, /ui/sagas, /ui/sagas/:id, /ui/sagas/:id/events, /ui/sagas/:id/export.json, /ui/types/:type, /ui/dead-letters, /ui/assets/{style.css,live.js,favicon.svg}). */
export function uiRoutes(options: UiOptions): Router {
  const { engine, sagaTypes, logger } = options;
  const now = options.now ?? Date.now;
  const types = new Map(sagaTypes.map((t) => [t.plugin.name, t]));
  const typeNames = [...types.keys()];
  const router = new Router();
  const access = options.access ?? uiAccess(undefined);
  const navOf = (ctx: Context): Nav => ({ types: typeNames, session: access.session(ctx) });

  /** Security headers on every /ui response, and errors rendered as HTML rather than problem+json. */
  async function guard(ctx: Context, next: Next): Promise<void> {
    ctx.set('Content-Security-Policy', UI_CSP);
    ctx.set('X-Content-Type-Options', 'nosniff');
    ctx.set('Referrer-Policy', 'no-referrer');
    try {
      await next();
    } catch (err) {
      const e = classify(err);
      const status = httpStatusOf(e);
      if (status >= 500) logger.error({ err, code: e.code, path: ctx.path }, 'ui request failed');
      // Internal details stay in the log, as on the API.
      send(ctx, errorPage(navOf(ctx), status, e.kind === 'bug' ? 'An internal error occurred; it was logged.' : e.message), status);
    }
  }

  /** The definition a saga of `type` runs on at `version`, if this process loads it. */
  function definitionOf(type: string, version: number): RegisteredSagaType['definitions'][number] | undefined {
    return types.get(type)?.definitions.find((d) => d.version === version);
  }

  /** The saga the route's :id names; an unknown id is a 404 page (rendered by the guard). */
  async function sagaOf(ctx: Context): Promise<SagaView> {
    const saga = await engine.get(ctx.params.id!);
    if (!saga) throw new NotFoundError('SAGA_NOT_FOUND', `No saga with id ${ctx.params.id!}.`);
    return saga;
  }

  /** The definition's laid-out chart, or null when the layout fails (the page is still useful without it). */
  async function layoutFor(type: string, version: number): Promise<{ def: RegisteredSagaType['definitions'][number]; layout: ChartLayout } | null> {
    const def = definitionOf(type, version);
    if (!def) return null;
    try {
      return { def, layout: await chartLayout(type, def) };
    } catch (err) {
      logger.warn({ err, type, version }, 'statechart layout failed');
      return null;
    }
  }

  function send(ctx: Context, page: Html, status = 200): void {
    ctx.status = status;
    ctx.type = 'text/html; charset=utf-8';
    // Pages show live state: never serve a stale one from a cache.
    ctx.set('Cache-Control', 'no-store');
    ctx.body = page.toString();
  }

  router.get('/ui', guard, (ctx) => {
    ctx.redirect('/ui/sagas');
  });

  router.get('/ui/assets/style.css', guard, (ctx) => {
    ctx.type = 'text/css; charset=utf-8';
    // Pages link it with its content hash (?v=), so a new stylesheet gets a new URL: cache for a year.
    ctx.set('Cache-Control', 'public, max-age=31536000, immutable');
    ctx.body = STYLESHEET;
  });

  router.get('/ui/assets/live.js', guard, (ctx) => {
    ctx.type = 'text/javascript; charset=utf-8';
    // Linked with its content hash (?v=), like the stylesheet.
    ctx.set('Cache-Control', 'public, max-age=31536000, immutable');
    ctx.body = LIVE_SCRIPT;
  });

  router.get('/ui/assets/favicon.svg', guard, (ctx) => {
    ctx.type = 'image/svg+xml';
    ctx.set('Cache-Control', 'public, max-age=86400');
    ctx.body = FAVICON;
  });

  router.get('/ui/sagas', guard, async (ctx) => {
    const raw = (k: string) => (typeof ctx.query[k] === 'string' ? (ctx.query[k] as string) : '');
    const filters = { type: raw('type'), status: raw('status'), businessKey: raw('businessKey'), createdFrom: raw('createdFrom'), createdTo: raw('createdTo'), stuck: raw('stuck') };
    let q: ReturnType<typeof parseListQuery>;
    try {
      q = parseListQuery(withoutEmpty(ctx.query));
    } catch (err) {
      const e = classify(err);
      if (e.kind !== 'invalid') throw err;
      send(ctx, listPage({ nav: navOf(ctx), filters, rows: [], olderCursor: null, paged: false, limit: '', error: e.message, now: now() }), 400);
      return;
    }
    // One extra row tells whether an older page exists, without a count query.
    const found = await engine.list({ ...q, limit: q.limit + 1 });
    const page = found.slice(0, q.limit);
    // Listings carry no snapshot: read the current state of this page's rows only (at most 100).
    const rows: ListRow[] = await Promise.all(
      page.map(async (s) => {
        const view = await engine.get(s.id);
        return { ...s, state: view ? statePath(view.state) : '', attempts: view ? view.steps.reduce((n, st) => n + st.attempts, 0) : 0 };
      }),
    );
    const last = page.at(-1);
    const olderCursor = found.length > q.limit && last ? encodeCursor({ createdAt: last.createdAt, id: last.id }) : null;
    send(ctx, listPage({ nav: navOf(ctx), filters, rows, olderCursor, paged: q.before !== undefined, limit: typeof ctx.query.limit === 'string' ? ctx.query.limit : '', error: null, now: now() }));
  });

  // Registered before /ui/sagas/:id, which would take "events" for a saga id.
  router.get('/ui/sagas/events', guard, async (ctx) => {
    const q = parseListQuery(withoutEmpty(ctx.query));
    await streamListChanges(ctx, () => engine.list(q), options.live);
  });

  router.get('/ui/sagas/:id', guard, async (ctx) => {
    const saga = await sagaOf(ctx);
    const history = await engine.history(saga.id);
    const chart = await layoutFor(saga.type, saga.version);
    const svg = chart
      ? renderChart(
          chart.layout,
          `Statechart of ${saga.type} version ${saga.version}`,
          sagaOverlay(chart.def, saga.state, history.map((h) => h.state)),
        )
      : null;
    send(ctx, sagaPage(navOf(ctx), saga, history, now(), svg, diffsFor(saga, history), typeof ctx.query.done === 'string' ? ctx.query.done : undefined));
  });

  /** Each event's context changes, replayed on request; null (the page says so) when the replay fails or diverges. */
  function diffsFor(saga: SagaView, history: HistoryRow[]): ContextDiffs | null {
    const def = definitionOf(saga.type, saga.version);
    if (!def) return null;
    try {
      return contextDiffs(def, saga, history);
    } catch (err) {
      logger.warn({ err, sagaId: saga.id, type: saga.type, version: saga.version }, 'context diff replay failed');
      return null;
    }
  }

  // Raw JSON, as the API shows the saga and its history, in one document to save or attach to a ticket.
  router.get('/ui/sagas/:id/export.json', guard, async (ctx) => {
    const saga = await sagaOf(ctx);
    ctx.type = 'application/json; charset=utf-8';
    ctx.set('Cache-Control', 'no-store');
    // Ids are generated, but the header must stay well-formed whatever the id holds.
    ctx.set('Content-Disposition', `attachment; filename="saga-${saga.id.replace(/[^A-Za-z0-9._-]/g, '_')}.json"`);
    ctx.body = JSON.stringify({ saga: sagaBody(saga), history: (await engine.history(saga.id)).map(historyBody) }, null, 2);
  });

  router.get('/ui/sagas/:id/events', guard, async (ctx) => {
    await streamSagaEvents(ctx, engine, (await sagaOf(ctx)).id, options.live);
  });

  router.get('/ui/types/:type', guard, async (ctx) => {
    const type = types.get(ctx.params.type!);
    if (!type) return send(ctx, errorPage(navOf(ctx), 404, `No saga type ${ctx.params.type!}; known types: ${typeNames.join(', ')}.`), 404);
    const charts = new Map<number, Html>();
    for (const def of type.definitions) {
      const chart = await layoutFor(type.plugin.name, def.version);
      if (chart) charts.set(def.version, renderChart(chart.layout, `Statechart of ${type.plugin.name} version ${def.version}`, undefined, `sc-v${def.version}`));
    }
    send(ctx, typePage(navOf(ctx), type, charts));
  });

  router.get('/ui/dead-letters', guard, async (ctx) => {
    const reader = options.deadLetters;
    if (!reader) return send(ctx, errorPage(navOf(ctx), 404, 'This server has no dead-letter stream reader configured.'), 404);
    let q: ReturnType<typeof parseDeadLetterQuery>;
    try {
      q = parseDeadLetterQuery(ctx.query);
    } catch (err) {
      const e = classify(err);
      if (e.kind !== 'invalid') throw err;
      return send(ctx, deadLettersPage({ nav: navOf(ctx), rows: [], olderQuery: null, paged: false, error: e.message }), 400);
    }
    // An unreadable stream throws DEAD_LETTERS_UNAVAILABLE (transient): the guard renders it as a 503.
    const page = await reader.list(q.limit, q.beforeSeq);
    // Every version's catalog: a dead letter may be a message of any version still in flight.
    const catalogs = [...new Set(sagaTypes.flatMap((t) => t.definitions.map((d) => d.contracts)))];
    const rows = page.items.map((letter) => ({ letter, payload: decodeDeadLetter(letter, catalogs) }));
    let olderQuery: string | null = null;
    if (page.nextCursor !== null) {
      const p = new URLSearchParams();
      if (typeof ctx.query.limit === 'string') p.set('limit', ctx.query.limit);
      p.set('cursor', String(page.nextCursor));
      olderQuery = p.toString();
    }
    send(ctx, deadLettersPage({ nav: navOf(ctx), rows, olderQuery, paged: q.beforeSeq !== undefined, error: null }));
  });

  actionRoutes(router, { engine, access, logger, now, navOf, send, guard, sagaOf, definitionOf });

  return router;
}
