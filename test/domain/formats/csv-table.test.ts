import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, parseCsv, writeCsv } from '../../../src/domain/formats/csv-table.js';

describe('parseCsv', () => {
  it('when fields are quoted across lines with doubled quotes, then each comes back whole', () => {
    expect(parseCsv('a,"b ""c"""\r\n1,"x\r\ny"')).toEqual([
      ['a', 'b "c"'],
      ['1', 'x\r\ny'],
    ]);
  });

  it('when the file has a BOM, LF line ends and a final newline, then no empty row or stray character appears', () => {
    expect(parseCsv('\uFEFFa,b\n1,2\n')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('when the last field is empty or quoted-empty, then it is kept', () => {
    expect(parseCsv('a,\r\nb,""')).toEqual([
      ['a', ''],
      ['b', ''],
    ]);
  });

  it('when a quote is never closed, then the error names the line and the column (as a spreadsheet counts them) where it opened', () => {
    expect(() => parseCsv('a,b\r\n1,"two\r\nthree')).toThrow(new CsvSyntaxError('this quoted field is never closed', 2, 2));
    expect(() => parseCsv('\uFEFFé,"x\ny"\nü,ö,"open')).toThrow(new CsvSyntaxError('this quoted field is never closed', 3, 3));
  });

  it('when a quote sits inside an unquoted field, then the file is refused rather than guessed at', () => {
    expect(() => parseCsv('a,b"c')).toThrow(CsvSyntaxError);
    expect(() => parseCsv('a,"b"c')).toThrow(/text after a closing quote/);
  });

  it('when rows have different lengths or a blank line, then each row is read as it stands', () => {
    expect(parseCsv('a,b\r\n\r\n1\r\n1,2,3')).toEqual([['a', 'b'], [''], ['1'], ['1', '2', '3']]);
  });

  it('when told the cells are tab-separated, then commas are ordinary text', () => {
    expect(parseCsv('Statement\tDate\nApple, Alibaba sign\t2025-02', { delimiter: '\t' })).toEqual([
      ['Statement', 'Date'],
      ['Apple, Alibaba sign', '2025-02'],
    ]);
  });
});

describe('writeCsv', () => {
  it('when rows are written, then they start with a byte order mark, end lines with CRLF and quote only fields that need it', () => {
    expect(writeCsv([['a', 'b,c', 'say "hi"'], ['line\nbreak', 'cr\ronly', 'ü 🚀']])).toBe(
      '\uFEFFa,"b,c","say ""hi"""\r\n"line\nbreak","cr\ronly",ü 🚀\r\n',
    );
  });

  it('when a cell starts like a formula, then it is written inert and parseCsv reads it back as it was', () => {
    const rows = [['=1+1', '+44 20', '-5', '@SUM(A1)', '\t=x', '\r=y', "'=already", 'fine - really', "it's"]];
    const written = writeCsv(rows);
    expect(written).toBe(`\uFEFF'=1+1,'+44 20,'-5,'@SUM(A1),'\t=x,"'\r=y",''=already,fine - really,it's\r\n`);
    expect(parseCsv(written)).toEqual(rows);
  });
});
