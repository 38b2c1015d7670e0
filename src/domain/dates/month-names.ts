/** English month names, January first, as labels print them. */
export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/**
 * A month's name from its number (1–12).
 * @example monthName(9) //=> 'September'
 */
export const monthName = (month: number): string => MONTH_NAMES[month - 1] ?? '';
