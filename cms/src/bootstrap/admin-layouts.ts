import type { Core } from '@strapi/strapi';

type Field = { name: string; size: number };
type Layout = {
  uid: string;
  /** Collection types only: single types have no list view. */
  mainField?: string;
  list?: string[];
  edit: Field[][];
  /** Label and help text editors see on the edit form. */
  fields: Record<string, { label: string; description?: string }>;
};

/** Bump when the layouts below change, so existing databases pick them up on the next start. */
const LAYOUT_VERSION = 4;

const LAYOUTS: Layout[] = [
  {
    uid: 'api::article.article',
    mainField: 'title',
    list: ['title', 'roles', 'authorName', 'updatedAt'],
    edit: [
      [
        { name: 'title', size: 8 },
        { name: 'authorName', size: 4 },
      ],
      [{ name: 'slug', size: 8 }],
      [{ name: 'excerpt', size: 12 }],
      [{ name: 'body', size: 12 }],
      [
        { name: 'roles', size: 6 },
        { name: 'skills', size: 6 },
      ],
      [
        { name: 'cover', size: 6 },
        { name: 'firstPublishedAt', size: 6 },
      ],
      [
        { name: 'publishAt', size: 6 },
        { name: 'unpublishAt', size: 6 },
      ],
      [{ name: 'seo', size: 12 }],
    ],
    fields: {
      title: { label: 'Title' },
      slug: { label: 'URL slug', description: 'Part of the page address: /articles/<slug>/. Generated from the title.' },
      excerpt: {
        label: 'Excerpt',
        description: 'One or two sentences shown in lists, search results and link previews (max 300 characters).',
      },
      body: { label: 'Body' },
      cover: { label: 'Cover image', description: 'Optional. Give the image alternative text in the media library.' },
      roles: { label: 'Roles' },
      skills: { label: 'Skills' },
      authorName: { label: 'Author' },
      firstPublishedAt: {
        label: 'First published',
        description: 'Filled in on the first publish and kept on later ones; the site dates and orders articles by it.',
      },
      publishAt: {
        label: 'Publish at',
        description: 'Save, and the saved draft goes live at this time (your time zone). Publishing by hand clears it.',
      },
      unpublishAt: {
        label: 'Unpublish at',
        description: 'Save, and the article comes down from the site and search at this time. Unpublishing by hand clears it.',
      },
      seo: { label: 'Search engines and link previews', description: 'Leave empty to use the title and excerpt.' },
    },
  },
  {
    uid: 'api::role.role',
    mainField: 'name',
    list: ['name', 'tagline', 'updatedAt'],
    edit: [
      [
        { name: 'name', size: 6 },
        { name: 'slug', size: 6 },
      ],
      [{ name: 'tagline', size: 12 }],
      [{ name: 'summary', size: 12 }],
      [{ name: 'responsibilities', size: 12 }],
      [{ name: 'skills', size: 12 }],
      [{ name: 'salaryBands', size: 12 }],
    ],
    fields: {
      salaryBands: {
        label: 'Salary bands',
        description: 'One row per level and period; leave max empty for "and more". Say where each figure comes from.',
      },
    },
  },
  {
    uid: 'api::skill.skill',
    mainField: 'name',
    list: ['name', 'category', 'updatedAt'],
    edit: [
      [
        { name: 'name', size: 6 },
        { name: 'slug', size: 6 },
      ],
      [{ name: 'category', size: 6 }],
      [{ name: 'description', size: 12 }],
    ],
    fields: {},
  },
  {
    uid: 'api::search-setting.search-setting',
    edit: [[{ name: 'synonymGroups', size: 12 }], [{ name: 'stopWords', size: 12 }]],
    fields: {
      synonymGroups: {
        label: 'Synonym groups',
        description:
          'Each group lists words readers use for the same thing, separated by commas, e.g. "js, javascript" or "salary, pay, earn". Terms of up to 3 words, at most 50 per group; a word belongs to one group only. Search applies a change within seconds of saving.',
      },
      stopWords: {
        label: 'Stop words',
        description:
          'Words search ignores in a query ("how", "the", "does"), separated by spaces, commas or new lines. Leave out words that mean something to developers, such as "be" (backend) or "go".',
      },
    },
  },
];

type Configuration = {
  settings: Record<string, unknown>;
  metadatas: Record<string, { edit: Record<string, unknown>; list: Record<string, unknown> }>;
  layouts: { list: string[]; edit: Field[][] };
};

/**
 * Gives editors list and edit views that fit the content (titles and roles in lists, SEO fields
 * grouped at the end of the form). Applied once per LAYOUT_VERSION so later changes an admin makes
 * in the view configuration are kept.
 */
export async function applyAdminLayouts(strapi: Core.Strapi): Promise<void> {
  const store = strapi.store({ type: 'core', name: 'stackguide', key: 'admin-layout-version' });
  if ((await store.get()) === LAYOUT_VERSION) return;
  const contentTypes = strapi.plugin('content-manager').service('content-types');
  for (const layout of LAYOUTS) {
    const contentType = contentTypes.findContentType(layout.uid);
    const current = (await contentTypes.findConfiguration(contentType)) as Configuration;
    const metadatas = { ...current.metadatas };
    for (const [name, meta] of Object.entries(layout.fields)) {
      const existing = metadatas[name];
      if (!existing) continue;
      metadatas[name] = {
        edit: { ...existing.edit, label: meta.label, description: meta.description ?? existing.edit.description ?? '' },
        list: { ...existing.list, label: meta.label },
      };
    }
    const listView = layout.mainField ? { mainField: layout.mainField, defaultSortBy: 'updatedAt', defaultSortOrder: 'DESC' } : {};
    await contentTypes.updateConfiguration(contentType, {
      settings: { ...current.settings, ...listView },
      metadatas,
      layouts: { ...current.layouts, list: layout.list ?? current.layouts.list, edit: layout.edit },
    });
  }
  await store.set({ value: LAYOUT_VERSION });
}
