import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import type { Upstream } from '../shared/contracts';
import { PLUGIN_ID } from '../shared/actions';
import { articleLinks, brokenLinks } from './links/link-report';
import { MAX_ANALYTICS_DAYS, type StatusService } from './status';
import { addSynonym, isValidationError, parseAddSynonym, synonymGroups, VocabularyRequestError } from './vocabulary';

/** Broken links the Search & site page lists at most; it says how many there are in all. */
const BROKEN_LINKS_SHOWN = 200;

/** Runs a vocabulary request, answering a refusal (ours or the vocabulary's validation) with its message. */
async function vocabulary(ctx: Context, run: () => Promise<unknown>): Promise<void> {
  try {
    ctx.body = await run();
  } catch (err) {
    if (!(err instanceof VocabularyRequestError) && !isValidationError(err)) throw err;
    ctx.status = err instanceof VocabularyRequestError ? err.status : 400;
    ctx.body = { error: err.message };
  }
}

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
    async articleLinks(ctx: Context) {
      ctx.body = await articleLinks(strapi, ctx.params.documentId);
    },
    async brokenLinks(ctx: Context) {
      ctx.body = await brokenLinks(strapi, BROKEN_LINKS_SHOWN);
    },
    async synonymGroups(ctx: Context) {
      await vocabulary(ctx, () => synonymGroups(strapi));
    },
    async addSynonym(ctx: Context) {
      await vocabulary(ctx, () => addSynonym(strapi, parseAddSynonym((ctx.request as { body?: unknown }).body)));
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
