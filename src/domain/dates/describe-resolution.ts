import { format } from 'date-fns/format';
import type { ClaimDate } from '../types.js';
import { dayFromIso } from './claim-date.js';

/**
 * How a date was read, in one line a reader can check against the text: the label, then the writer's
 * words and the day they were read against, when there were any.
 * @example describeResolution({ value: '2024-Q2', precision: 'quarter', start: '2024-04-01', end: '2024-06-30', label: 'Q2 2024', phrase: 'the second quarter last year', reference: '2025-02-11' })
 * //=> 'Q2 2024 (from ‘the second quarter last year’, relative to 11 Feb 2025)'
 * @example describeResolution({ value: '2024', precision: 'year', start: '2024-01-01', end: '2024-12-31', label: '2024' }) //=> '2024'
 */
export function describeResolution(date: ClaimDate): string {
  if (!date.phrase) return date.label;
  const day = date.reference ? dayFromIso(date.reference) : null;
  const relativeTo = day ? `, relative to ${format(day, 'd MMM yyyy')}` : '';
  return `${date.label} (from ‘${date.phrase}’${relativeTo})`;
}
