import { proposeClaims } from './src/domain/extract/propose-claims.js';
for (const text of ['Veridian Micro shipped its first chip in 2012. Veridian reported revenue of $610 million last year, according to its annual filing.', 'Voltaris Motors Inc. delayed its plant in 2025. A Voltaris spokeswoman said the company reviews its plans.', 'Pilots voted to strike on June 10, said Capt. Dana Whitfield of the union. "We are tired," Whitfield said in March.']) {
  const o = proposeClaims({ text, publishedAt: '2025-03-04', publisher: 'X' }, { today: '2026-01-01' });
  console.log(o.ok ? o.proposals.map((p) => `${p.origin} | ${p.statement} | ${p.actors}`) : o.message);
}
