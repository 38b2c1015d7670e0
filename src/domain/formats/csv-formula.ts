/**
 * A cell a spreadsheet would run as a formula (OWASP's list: `=`, `+`, `-`, `@`, and a tab or carriage return in
 * front of them), after any apostrophes this escaping added before.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;
const NEUTRALISED = /^'+[=+\-@\t\r]/;

/**
 * A CSV cell made inert for spreadsheets: text a spreadsheet would take for a formula gets a leading `'`, which
 * LibreOffice and Excel read as "this is text". A cell that already starts with apostrophes before such a character
 * gets one more, so restoreFormula can always undo exactly what was added.
 * @example neutraliseFormula('=HYPERLINK("http://x.example")') //=> `'=HYPERLINK("http://x.example")`
 * @example neutraliseFormula("'=1") //=> "''=1"
 * @example neutraliseFormula('Apple said') //=> 'Apple said'
 */
export function neutraliseFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/**
 * The cell neutraliseFormula was given: one leading `'` removed from a cell that starts with apostrophes before a
 * formula character; every other cell unchanged.
 * @example restoreFormula(`'=HYPERLINK("http://x.example")`) //=> '=HYPERLINK("http://x.example")'
 * @example restoreFormula("'quoted'") //=> "'quoted'"
 */
export function restoreFormula(cell: string): string {
  return NEUTRALISED.test(cell) ? cell.slice(1) : cell;
}
