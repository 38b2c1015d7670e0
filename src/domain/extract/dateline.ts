import { wireName } from './wire-names.js';

/** The opening of wire copy: "SEOUL, March 4 (Reuters) -", "NEW YORK (AP) —", "(Bloomberg) --". */
export interface Dateline {
  /** The agency in the parentheses, under its usual name; `null` for a dateline without one ("LONDON —"). */
  wire: string | null;
  place: string | null;
  /** The day as printed ("March 4"), when the dateline gives one. */
  datePhrase: string | null;
  /** Offsets of the whole dateline in the text searched; the story starts at `end`. */
  start: number;
  end: number;
}

const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.?';
const DAY = `(?:${MONTH}\\s+\\d{1,2}(?:,\\s*\\d{4})?|\\d{1,2}\\s+${MONTH}(?:\\s+\\d{4})?)`;
const DASH = '(?:-{1,2}|–|—)';
/** Capitals, so a sentence that happens to contain a dash is not read as a dateline. */
const PLACE = "[A-Z][A-Z.'’ -]{1,40}?(?:,\\s*[A-Z][\\p{L}.]+(?:\\s[A-Z][\\p{L}.]+)?)?";

const WITH_WIRE = new RegExp(
  `^(?:(${DAY})\\s*|(${PLACE})(?:,\\s*(${DAY}))?\\s*)?\\((\\p{Lu}[\\p{L}&.'’ -]{0,40})\\)\\s*${DASH}\\s*`,
  'u',
);
const WITHOUT_WIRE = new RegExp(`^(${PLACE})(?:,\\s*(${DAY}))?\\s+${DASH}\\s+`, 'u');

/**
 * The dateline a paragraph opens with, if any. Only the start of a paragraph is looked at: that is where wire
 * copy puts it, and a parenthesis later in a sentence is not a credit.
 * @example findDateline('SEOUL, March 4 (Reuters) - South Korea’s Hanul …')
 * //=> { wire: 'Reuters', place: 'SEOUL', datePhrase: 'March 4', start: 0, end: 27 }
 * @example findDateline('NEW YORK (AP) — Pilots voted …') //=> { wire: 'The Associated Press', place: 'NEW YORK', datePhrase: null, start: 0, end: 16 }
 */
export function findDateline(paragraph: string): Dateline | null {
  const leading = paragraph.length - paragraph.trimStart().length;
  const text = paragraph.slice(leading);
  const wired = WITH_WIRE.exec(text);
  if (wired) {
    return {
      wire: wireName(wired[4] ?? ''),
      place: wired[2]?.trim() || null,
      datePhrase: (wired[1] ?? wired[3])?.trim() || null,
      start: leading,
      end: leading + wired[0].length,
    };
  }
  const plain = WITHOUT_WIRE.exec(text);
  if (plain && /[A-Z]{2}/.test(plain[1] ?? '')) {
    return { wire: null, place: plain[1]?.trim() || null, datePhrase: plain[2]?.trim() || null, start: leading, end: leading + plain[0].length };
  }
  return null;
}
