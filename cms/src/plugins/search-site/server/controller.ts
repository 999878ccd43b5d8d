import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import type { Upstream } from '../shared/contracts';
import { PLUGIN_ID } from '../shared/actions';
import { MAX_ANALYTICS_DAYS, type StatusService } from './status';

/** An action's answer: search-sync's own refusal (404, 409) as is, anything else it could not do as 502. */
function relay(ctx: Context, answer: Upstream<unknown>): void {
  if (answer.ok) {
    ctx.body = answer.data;
    return;
  }
  ctx.status = answer.status !== null && answer.status >= 400 && answer.status < 500 ? answer.status : 502;
  ctx.body = { error: answer.error };
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => strapi.plugin(PLUGIN_ID).service('status') as StatusService;
  return {
    async overview(ctx: Context) {
      ctx.body = await service().overview();
    },
    async analytics(ctx: Context) {
      const days = Number.parseInt(String(ctx.query.days ?? '30'), 10);
      if (!(days >= 1 && days <= MAX_ANALYTICS_DAYS)) return ctx.badRequest(`days must be a whole number from 1 to ${MAX_ANALYTICS_DAYS}`);
      ctx.body = await service().analytics(days);
    },
    async article(ctx: Context) {
      ctx.body = await service().article(ctx.params.documentId);
    },
    async reindex(ctx: Context) {
      relay(ctx, await service().reindex());
    },
    async retry(ctx: Context) {
      relay(ctx, await service().retry(ctx.params.id));
    },
    async discard(ctx: Context) {
      relay(ctx, await service().discard(ctx.params.id));
    },
    async hide(ctx: Context) {
      relay(ctx, await service().setHidden(ctx.params.query, true));
    },
    async show(ctx: Context) {
      relay(ctx, await service().setHidden(ctx.params.query, false));
    },
  };
};
