import { Search } from '@strapi/icons';
import type { StrapiApp } from '@strapi/strapi/admin';
import { ACTIONS, PLUGIN_ID } from '../../shared/actions';
import { ArticleStatusPanel } from './components/ArticleStatusPanel';

type ContentManagerApis = { addEditViewSidePanel(panels: unknown[]): void };

/** Admin half of the Search & site plugin: the menu page and the article edit view's status panel. */
export default {
  register(app: StrapiApp) {
    app.registerPlugin({ id: PLUGIN_ID, name: 'Search & site' });
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: Search,
      intlLabel: { id: `${PLUGIN_ID}.menu`, defaultMessage: 'Search & site' },
      permissions: [{ action: ACTIONS.read, subject: null }],
      Component: () => import('./pages/SearchSitePage').then((mod) => ({ default: mod.SearchSitePage })),
    });
  },
  bootstrap(app: Pick<StrapiApp, 'getPlugin'>) {
    (app.getPlugin('content-manager').apis as ContentManagerApis).addEditViewSidePanel([ArticleStatusPanel]);
  },
};
