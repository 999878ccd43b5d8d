import { jsonForScript } from '../src/lib/format.ts';
import type { PreviewStatus } from '@stackguide/contracts/preview-link';

/** How often the open preview renews its link, well inside the link's 10 minutes. */
const RENEW_EVERY_MS = 4 * 60_000;

/**
 * Runs only in preview responses (never in a build, so the site's JS budget is untouched). The
 * admin posts `{ type: 'strapiUpdate' }` to its preview iframe after every save (Strapi 5.54
 * content-manager preview/pages/Preview: `onPreview`); the page then loads its newest link. It
 * renews that link every few minutes, so a save after a long stretch of typing still finds a
 * valid one; renewal stops at the end of the editing session the first link allowed.
 */
const script = (links: { next: string; renew: string }) => `(() => {
  let links = ${jsonForScript(links)};
  const renew = () => fetch(links.renew, { cache: 'no-store' }).then((r) => (r.ok ? r.json() : null)).then((l) => { if (l) links = l; }, () => undefined);
  setInterval(renew, ${RENEW_EVERY_MS});
  addEventListener('message', (event) => {
    if (event.source === window.parent && event.data && event.data.type === 'strapiUpdate') location.replace(links.next);
  });
})();`;

const BANNER_STYLE =
  '[data-preview-banner]{margin:0;padding:.4rem 1rem;background:#fff4c2;color:#3d2e00;font:600 .9rem/1.4 system-ui,sans-serif;text-align:center}';

/**
 * The rendered article page made a preview: no indexing, a banner saying which version this is,
 * and the refresh-on-save script. `next` and `renew` are same-origin paths with fresh signatures.
 * The inline script and style carry `nonce`, the one the answer's Content-Security-Policy allows.
 */
export function previewDocument(html: string, status: PreviewStatus, links: { next: string; renew: string }, nonce: string): string {
  const label =
    status === 'draft' ? 'Preview of the draft: not published, readers do not see this version.' : 'Preview of the published version.';
  const meta = '<meta name="robots" content="noindex, nofollow"><meta name="referrer" content="no-referrer">';
  // Replacer functions: the inserted text is taken as is, never as a `$` pattern.
  return html
    .replace('<head>', () => `<head>${meta}<style nonce="${nonce}">${BANNER_STYLE}</style>`)
    .replace(/<body[^>]*>/, (body) => `${body}<p role="note" data-preview-banner>${label}</p>`)
    .replace('</body>', () => `<script nonce="${nonce}">${script(links)}</script></body>`);
}
