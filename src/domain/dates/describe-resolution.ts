import type { ClaimDate } from '../types.js';
import { shortDayLabel } from './day-label.js';

/** Which way a date named without its year was read, and on which words. */
function reading(date: ClaimDate): string {
  if (!date.direction) return '';
  if (date.directionCue) return `; read ${date.direction}: ‘${date.directionCue}’`;
  return `; read ${date.direction}: nothing in the sentence looks forward`;
}

/**
 * How a date was read, in one line a reader can check against the text: the label, then the writer's
 * words, the day they were read against and, for a date named without its year, which way it was read and why.
 * @example describeResolution({ value: '2024-Q2', precision: 'quarter', start: '2024-04-01', end: '2024-06-30', label: 'Q2 2024', phrase: 'the second quarter last year', reference: '2025-02-11' })
 * //=> 'Q2 2024 (from ‘the second quarter last year’, relative to 11 Feb 2025)'
 * @example describeResolution({ value: '2025-01-20', precision: 'day', start: '2025-01-20', end: '2025-01-20', label: '20 January 2025', phrase: 'Jan. 20', reference: '2025-01-10', direction: 'forward', directionCue: 'will resume' })
 * //=> '20 January 2025 (from ‘Jan. 20’, relative to 10 Jan 2025; read forward: ‘will resume’)'
 * @example describeResolution({ value: '2024', precision: 'year', start: '2024-01-01', end: '2024-12-31', label: '2024' }) //=> '2024'
 */
export function describeResolution(date: ClaimDate): string {
  if (!date.phrase) return date.label;
  const relativeTo = date.reference ? `, relative to ${shortDayLabel(date.reference)}` : '';
  return `${date.label} (from ‘${date.phrase}’${relativeTo}${reading(date)})`;
}
