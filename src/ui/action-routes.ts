// The explorer's actions: cancel and retry of one saga, bulk cancel and retry of a filter's
// selection, and the operator's sign-in. Each action is a confirmation page (GET) and a form post;
// every post is checked by the access rules (same site, CSRF token, operator session when required).
import type Router from '@koa/router';
import type { Context, Next } from 'koa';
import type { SagaDefinition } from '../../sagas/kit/index.ts';
import { parseListQuery, withoutEmpty } from '../api/list-query.ts';
import { ACTION_STATUS, applyAction, BULK_ACTIONS, runBulk, selectForBulk, type BulkActionName, type BulkFilter, type SagaEngine, type SagaView } from '../engine/index.ts';
import { ConflictError, InvalidInputError } from '../errors.ts';
import { readFormBody } from '../http/body.ts';
import type { Logger } from '../logger.ts';
import type { TracedState } from '../http/tracing.ts';
import type { UiAccess } from './access.ts';
import type { Html } from './html.ts';
import { bulkConfirmPage, bulkResultPage, confirmPage, signInPage } from './pages/actions.ts';
import type { Nav } from './pages/layout.ts';
import { owedCompensations } from './statechart.ts';

/** A bulk form carries up to MAX_BULK saga ids (a uuid and a field name each): room for them all. */
const FORM_LIMIT_BYTES = 128 * 1024;

export interface ActionRoutesOptions {
  engine: Pick<SagaEngine, 'get' | 'list' | 'submit' | 'cancel' | 'retry'>;
  access: UiAccess;
  logger: Logger;
  now: () => number;
  navOf: (ctx: Context) => Nav;
  send: (ctx: Context, page: Html, status?: number) => void;
  guard: (ctx: Context, next: Next) => Promise<void>;
  /** The saga the route's :id names (an unknown one is a 404). */
  sagaOf: (ctx: Context) => Promise<SagaView>;
  definitionOf: (type: string, version: number) => SagaDefinition | undefined;
}

/** Where to go after signing in: a page of the explorer only, never another site. */
function safeNext(raw: string | null | undefined): string {
  return typeof raw === 'string' && /^\/ui(\/|$)/.test(raw) && !raw.startsWith('//') && !raw.includes('\\') ? raw : '/ui/sagas';
}

/** Every filter of the list: a bulk action selects what the list showed, never more. */
const BULK_FILTERS = ['type', 'status', 'businessKey', 'stuck', 'createdFrom', 'createdTo'];

/** The bulk filter from a query or a form: the list's filters, without paging. */
function bulkFilterOf(fields: Record<string, string>): BulkFilter {
  const q = parseListQuery(withoutEmpty(Object.fromEntries(Object.entries(fields).filter(([k]) => BULK_FILTERS.includes(k)))));
  return { type: q.type, status: q.status, businessKey: q.businessKey, stuck: q.stuck || undefined, createdFrom: q.createdFrom, createdTo: q.createdTo };
}

/** Registers the action routes on the explorer's router. */
export function actionRoutes(router: Router, o: ActionRoutesOptions): void {
  const { engine, access, guard } = o;
  const action = (raw: string): BulkActionName => {
    if (!(BULK_ACTIONS as readonly string[]).includes(raw)) throw new InvalidInputError('INVALID_INPUT', `no action ${raw}; actions: ${BULK_ACTIONS.join(', ')}`);
    return raw as BulkActionName;
  };
  /** Reads a form post and applies the access rules: same site and CSRF first, then the operator session. */
  const form = async (ctx: Context, operator = true): Promise<URLSearchParams> => {
    const body = await readFormBody(ctx, FORM_LIMIT_BYTES);
    access.checkForm(ctx, body);
    if (operator) access.requireOperator(ctx);
    return body;
  };
  const trace = (ctx: Context) => (ctx.state as TracedState).trace;

  for (const name of BULK_ACTIONS) {
    router.get(`/ui/sagas/:id/${name}`, guard, async (ctx) => {
      const saga = await o.sagaOf(ctx);
      if (saga.status !== ACTION_STATUS[name]) {
        throw new ConflictError('ACTION_NOT_APPLICABLE', `${name} applies to a saga that is ${ACTION_STATUS[name].replace('_', ' ')}; this one is ${saga.status.replace('_', ' ')}`);
      }
      const def = o.definitionOf(saga.type, saga.version);
      o.send(ctx, confirmPage(o.navOf(ctx), saga, name, def ? owedCompensations(def, saga.state) : [], o.now()));
    });

    router.post(`/ui/sagas/:id/${name}`, guard, async (ctx) => {
      await form(ctx);
      const id = ctx.params.id!;
      await engine.submit((e) => applyAction(e, name, id, trace(ctx)), { sagaIds: [id] });
      // Post/redirect/get: a reload shows the saga, it does not act again.
      ctx.status = 303;
      ctx.redirect(`/ui/sagas/${encodeURIComponent(id)}?done=${name}`);
    });
  }

  router.get('/ui/bulk/:action', guard, async (ctx) => {
    const name = action(ctx.params.action!);
    const fields = Object.fromEntries(Object.entries(ctx.query).map(([k, v]) => [k, typeof v === 'string' ? v : '']));
    const filter = bulkFilterOf(fields);
    const sagas = await selectForBulk(engine, name, filter);
    o.send(ctx, bulkConfirmPage(o.navOf(ctx), name, filter, sagas, o.now(), ctx.querystring ? `?${ctx.querystring}` : ''));
  });

  router.post('/ui/bulk/:action', guard, async (ctx) => {
    const name = action(ctx.params.action!);
    const body = await form(ctx);
    const filter = bulkFilterOf(Object.fromEntries(body));
    const ids = body.getAll('sagaId');
    if (ids.length === 0) throw new InvalidInputError('INVALID_INPUT', 'no saga selected');
    const results = await runBulk(engine, name, filter, ids, { logger: o.logger, trace: trace(ctx) });
    o.send(ctx, bulkResultPage(o.navOf(ctx), name, filter, results));
  });

  router.get('/ui/sign-in', guard, (ctx) => {
    o.send(ctx, signInPage(o.navOf(ctx), safeNext(typeof ctx.query.next === 'string' ? ctx.query.next : null), null));
  });

  router.post('/ui/sign-in', guard, async (ctx) => {
    const body = await form(ctx, false);
    const next = safeNext(body.get('next'));
    if (!access.signIn(ctx, body.get('token') ?? '')) {
      o.logger.warn({ path: ctx.path }, 'explorer sign-in refused: wrong operator token');
      return o.send(ctx, signInPage(o.navOf(ctx), next, 'That is not the operator token.'), 401);
    }
    ctx.status = 303;
    ctx.redirect(next);
  });

  router.post('/ui/sign-out', guard, async (ctx) => {
    await form(ctx, false);
    access.signOut(ctx);
    ctx.status = 303;
    ctx.redirect('/ui/sagas');
  });
}
