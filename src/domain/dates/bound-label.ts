import { PRECISIONS, type Precision } from '../types.js';
import { daysInMonth, partsOf } from './calendar-day.js';
import { dayLabel, monthLabel } from './day-label.js';
import { quarterEnd, quarterLabel, quarterStart } from './quarter.js';

/** Whether an ISO day is the first (or last) day of the period of a precision that holds it. */
function isEdge(iso: string, edge: 'start' | 'end', precision: Exclude<Precision, 'day'>): boolean {
  const { year, month, day } = partsOf(iso);
  switch (precision) {
    case 'year':
      return edge === 'start' ? month === 1 && day === 1 : month === 12 && day === 31;
    case 'quarter':
      return iso === (edge === 'start' ? quarterStart(iso) : quarterEnd(iso));
    case 'month':
      return edge === 'start' ? day === 1 : day === daysInMonth(year, month);
  }
}

function periodLabel(iso: string, precision: Exclude<Precision, 'day'>): string {
  const { year, month } = partsOf(iso);
  return precision === 'year' ? String(year) : precision === 'quarter' ? quarterLabel(iso) : monthLabel(year, month);
}

/**
 * The coarsest period, no coarser than `precision`, that a bound on a date is the edge of, as a reader says it:
 * a first day of a year at year precision is “2024”, a last day of June at month precision “June 2024”; any
 * other day is that day.
 * @example boundLabel('2024-01-01', 'start', 'year') //=> '2024'
 * @example boundLabel('2024-06-30', 'end', 'quarter') //=> 'Q2 2024'
 * @example boundLabel('2024-06-12', 'start', 'year') //=> '12 June 2024'
 */
export function boundLabel(iso: string, edge: 'start' | 'end', precision: Precision): string {
  for (const candidate of PRECISIONS.slice(PRECISIONS.indexOf(precision))) {
    if (candidate !== 'day' && isEdge(iso, edge, candidate)) return periodLabel(iso, candidate);
  }
  return dayLabel(iso);
}
