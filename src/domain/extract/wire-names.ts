/**
 * News agencies whose copy other publications reprint. A credit line names them among reporters and editors, so
 * only a known agency is taken as the wire there; a dateline's parentheses name the wire whatever it is.
 */
const AGENCIES = new Map<string, string>(
  (
    [
      ['reuters', 'Reuters'],
      ['thomson reuters', 'Reuters'],
      ['ap', 'The Associated Press'],
      ['associated press', 'The Associated Press'],
      ['the associated press', 'The Associated Press'],
      ['afp', 'AFP'],
      ['agence france-presse', 'AFP'],
      ['agence france presse', 'AFP'],
      ['bloomberg', 'Bloomberg'],
      ['bloomberg news', 'Bloomberg'],
      ['dow jones', 'Dow Jones'],
      ['dow jones newswires', 'Dow Jones'],
      ['xinhua', 'Xinhua'],
      ['kyodo', 'Kyodo News'],
      ['kyodo news', 'Kyodo News'],
      ['yonhap', 'Yonhap'],
      ['pti', 'PTI'],
      ['press trust of india', 'PTI'],
      ['ani', 'ANI'],
      ['ians', 'IANS'],
      ['dpa', 'dpa'],
      ['efe', 'EFE'],
      ['ansa', 'ANSA'],
      ['bernama', 'Bernama'],
      ['anadolu', 'Anadolu Agency'],
      ['anadolu agency', 'Anadolu Agency'],
      ['upi', 'UPI'],
      ['pa', 'PA Media'],
      ['pa media', 'PA Media'],
      ['press association', 'PA Media'],
      ['cna', 'CNA'],
      ['tass', 'TASS'],
      ['interfax', 'Interfax'],
    ] as const
  ).map(([alias, name]) => [alias, name]),
);

const key = (name: string) => name.trim().replace(/\s+/g, ' ').replace(/[’]/g, "'").toLowerCase();

/**
 * The agency's usual name when `name` is one of its spellings, else `null`.
 * @example agencyName('AP') //=> 'The Associated Press'
 * @example agencyName('Vishakha Saxena') //=> null
 */
export function agencyName(name: string): string | null {
  return AGENCIES.get(key(name)) ?? null;
}

/**
 * A wire as a dateline prints it, under the agency's usual name when it is a known one.
 * @example wireName('AP') //=> 'The Associated Press'
 * @example wireName('Nikkei Asia') //=> 'Nikkei Asia'
 */
export function wireName(name: string): string {
  return agencyName(name) ?? name.trim().replace(/\s+/g, ' ');
}
