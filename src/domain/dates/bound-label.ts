import { PRECISIONS, type Precision } from '../types.js';
import { dayFromIso, labelFor, spanOf } from './claim-date.js';

/**
 * The coarsest period, no coarser than `precision`, that a bound on a date is the edge of, as a reader says it:
 * a first day of a year at year precision is “2024”, a last day of June at month precision “June 2024”; any
 * other day is that day.
 * @example boundLabel('2024-01-01', 'start', 'year') //=> '2024'
 * @example boundLabel('2024-06-30', 'end', 'quarter') //=> 'Q2 2024'
 * @example boundLabel('2024-06-12', 'start', 'year') //=> '12 June 2024'
 */
export function boundLabel(iso: string, edge: 'start' | 'end', precision: Precision): string {
  const day = dayFromIso(iso);
  if (!day) throw new RangeError(`boundLabel: “${iso}” is not an ISO day`);
  for (const candidate of PRECISIONS.slice(PRECISIONS.indexOf(precision))) {
    if (candidate === 'day') break;
    const start = dayFromIso(iso.slice(0, 4) + (candidate === 'year' ? '-01-01' : candidate === 'month' ? `${iso.slice(4, 7)}-01` : quarterStart(iso)));
    if (!start) continue;
    const span = spanOf(start, candidate);
    if (span[edge] === iso) return labelFor(start, candidate);
  }
  return labelFor(day, 'day');
}

function quarterStart(iso: string): string {
  const month = Number(iso.slice(5, 7));
  return `-${String(Math.floor((month - 1) / 3) * 3 + 1).padStart(2, '0')}-01`;
}
