import { findDateline } from './src/domain/extract/dateline.js';
import { parseCredit, isCreditLine } from './src/domain/extract/credit-line.js';
const t = 'Veridian Micro shipped its first chip in 2012. Veridian reported revenue of $610 million last year, according to its annual filing.';
console.log(findDateline(t), isCreditLine(t));
