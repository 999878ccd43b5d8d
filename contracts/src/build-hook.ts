import { z } from 'zod';

/**
 * The site's build hook: search-sync calls it (POST, bearer BUILD_HOOK_SECRET) once content the
 * site shows has changed, naming the changed documents when there are few enough.
 */
export const BUILD_HOOK_PATH = '/__hooks/build';

/** Beyond this many changed documents a call names none: the site compares everything, which is then cheaper. */
export const MAX_LISTED_CHANGES = 1_000;

/** Room for the longest list of changes a call may name. */
export const MAX_HOOK_BODY_BYTES = 128 * 1024;

export const CONTENT_KINDS = ['article', 'role', 'skill'] as const;
export type ContentKind = (typeof CONTENT_KINDS)[number];

/** One changed document. */
export type ContentChange = { kind: ContentKind; documentId: string };

/**
 * A call's JSON body; an empty body means "something changed". `changedAt`: when the content
 * changed (the site skips a call its served build already covers). No `changes`: compare everything.
 */
export const hookBodySchema = z.object({
  source: z.string().max(100).optional(),
  changedAt: z
    .string()
    .refine((v) => !Number.isNaN(Date.parse(v)), 'must be an ISO date')
    .optional(),
  changes: z
    .array(z.object({ kind: z.enum(CONTENT_KINDS), documentId: z.string().min(1).max(200) }))
    .max(MAX_LISTED_CHANGES)
    .optional(),
});

export type HookBody = z.input<typeof hookBodySchema>;
