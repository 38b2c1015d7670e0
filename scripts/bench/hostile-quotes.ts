import { call, postJson } from './http-client.js';
import { percentile } from './writes.js';

/**
 * Documents at the 200,000-character limit and quotes that are not in them, shaped to make a quote matcher work
 * hardest: a window of shared words stretched over the whole text, every word wanted, one giant token, 2,000
 * characters of quote. Each is answered 422 with the closest passage; the figure is the slowest of them.
 */
const SHAPES: Array<{ name: string; text: string; quote: string }> = [
  { name: 'one shared word, then a 199,998-character word', text: `x ${'a'.repeat(199_998)}`, quote: `x ${'b'.repeat(997)}` },
  { name: 'two shared words 199,996 characters apart', text: `x ${'-'.repeat(199_996)} y`, quote: `x y ${'b'.repeat(995)}` },
  {
    name: '100,000 one-letter words',
    text: Array.from({ length: 100_000 }, (_, i) => 'abcdefghijklmnopqrstuvwxyz'[i % 26]).join(' ').slice(0, 199_999),
    quote: Array.from({ length: 500 }, (_, i) => 'abcdefghijklmnopqrstuvwxyz'[(i * 7) % 26]).join(' '),
  },
  {
    name: 'wire prose, a 1,000-character quote reworded',
    text: prose(200_000),
    quote: prose(1000).replaceAll('e', 'o').replaceAll('the', 'a'),
  },
  { name: 'wire prose, a 2,000-character quote reworded', text: prose(200_000), quote: prose(2000).replaceAll(' ', '  ').replaceAll('a', 'u') },
];

/** Wire-style sentences of our own, repeated to `length` characters. */
function prose(length: number): string {
  const sentence =
    'Helios Grid said on Tuesday it would open an office in Porto Vale next year, two people familiar with the plan told the wire, ' +
    'adding that the regulator had yet to approve the deal and that talks with the city council were continuing. ';
  return sentence.repeat(Math.ceil(length / sentence.length)).slice(0, length);
}

export interface QuoteMatchFigures {
  /** Slowest shape's median answer to the refused claim. */
  worstMs: number;
  worstShape: string;
  /** A stylesheet request sent while the worst shape was being matched: how long it waited. */
  stylesheetMs: number;
}

/**
 * Stores the hostile documents through the API and times claims quoting them, `rounds` times each, with a
 * stylesheet asked for alongside, as the reader of another page would.
 * @example const { worstMs } = await measureQuoteMatch(port, 5)
 */
export async function measureQuoteMatch(port: number, rounds: number): Promise<QuoteMatchFigures> {
  let worst: { ms: number; shape: string; stylesheetMs: number } = { ms: -1, shape: '', stylesheetMs: 0 };
  for (const [index, shape] of SHAPES.entries()) {
    const stored = await postJson(port, '/api/documents', {
      title: `Bench hostile ${index}`,
      publisher: 'The Bench Wire',
      url: `https://bench.example/hostile-${index}-${Date.now()}`,
      publishedAt: '2025-02-11',
      text: shape.text,
    });
    if (stored.status !== 201) throw new Error(`POST /api/documents answered ${stored.status}: ${stored.body.toString().slice(0, 300)}`);
    const { id } = JSON.parse(stored.body.toString()) as { id: string };
    const answers: number[] = [];
    const waits: number[] = [];
    for (let round = 0; round < rounds; round++) {
      const [refused, stylesheet] = await Promise.all([
        postJson(port, '/api/claims', { statement: 'Quoted from a hostile document', date: '2025-02', source: 'The Bench Wire', document: id, quote: shape.quote }),
        call(port, '/assets/style.css'),
      ]);
      if (refused.status !== 422) throw new Error(`a hostile quote answered ${refused.status}: ${refused.body.toString().slice(0, 300)}`);
      answers.push(refused.ms);
      waits.push(stylesheet.ms);
    }
    const median = percentile(answers, 50);
    if (median > worst.ms) worst = { ms: median, shape: shape.name, stylesheetMs: percentile(waits, 50) };
  }
  return { worstMs: worst.ms, worstShape: worst.shape, stylesheetMs: worst.stylesheetMs };
}
