import { z } from 'zod';
import { DOCUMENT_TEXT_LIMIT, documentFormSchema } from '../add-document.js';
import { LIMITS, optionalText, optionalUrl } from '../claim-form.js';

/** A saved page is read up to this many characters; the body limit of `POST /api/extract` holds it. */
export const PAGE_TEXT_LIMIT = 2 * 1024 * 1024;

const { credit } = documentFormSchema.shape;

/**
 * One schema for `POST /api/extract`: an article's text with what is known of where it appeared (its publication
 * day is what relative dates are read against), or a saved page's HTML, from which all of that is read unless
 * the body gives it.
 */
export const extractSchema = z
  .strictObject({
    text: z.string({ error: 'The text must be text' }).max(DOCUMENT_TEXT_LIMIT, `The text must be at most ${DOCUMENT_TEXT_LIMIT} characters`).optional(),
    html: z.string({ error: 'The page must be HTML as text' }).max(PAGE_TEXT_LIMIT, `The page must be at most ${PAGE_TEXT_LIMIT} characters`).optional(),
    publishedAt: optionalText('The publication date', LIMITS.date),
    publisher: optionalText('The publisher', LIMITS.name),
    credit,
    title: optionalText('The title', 300),
    url: optionalUrl('The URL'),
  })
  .superRefine((body, context) => {
    if (body.html !== undefined) {
      if (body.text !== undefined) context.addIssue({ code: 'custom', path: ['text'], message: 'Send the text or a saved page (html), not both' });
      return;
    }
    if (body.text === undefined) context.addIssue({ code: 'custom', path: ['text'], message: 'Give the article’s text (or a saved page as html)' });
    else if (body.publishedAt === undefined) context.addIssue({ code: 'custom', path: ['publishedAt'], message: 'Give the day the article was published, e.g. 2025-02-11: relative dates are read against it' });
  });

export type ExtractBody = z.output<typeof extractSchema>;
