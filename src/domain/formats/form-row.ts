import type { TimelineDate } from './timelinejs.js';

/**
 * One claim as an import file gives it, in the add form's own fields (`statement`, `date`, `source`, …), so it is
 * checked by the form's validation and built as the form builds a claim.
 */
export interface FormRow {
  /** Where in the file, for the report: `line 4`, `events[2]`. */
  where: string;
  /** The claim id the file gives; without one, the id is made from the claim's content. */
  id?: string;
  body: Record<string, string | string[]>;
  /** From TimelineJS: the slide's dates and group as written, to recognise a stored claim the slide was made from. */
  timeline?: { start_date: TimelineDate; end_date?: TimelineDate; group?: string };
}

/** A record of the file, or the file itself, that cannot become a claim, and why. */
export interface RowProblem {
  where: string;
  message: string;
}
