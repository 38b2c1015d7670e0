import { format } from 'date-fns/format';
import { parseISO } from 'date-fns/parseISO';

/**
 * A day as readers write it, from an ISO day or date-time.
 * @example dayLabel('2025-02-11') //=> '11 February 2025'
 */
export function dayLabel(iso: string): string {
  return format(parseISO(iso), 'd MMMM yyyy');
}
