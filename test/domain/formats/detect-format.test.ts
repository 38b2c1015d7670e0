import { describe, expect, it } from 'vitest';
import { describeBinary, detectFormat } from '../../../src/domain/formats/detect-format.js';

describe('detectFormat', () => {
  it.each([
    ['a Claimline export', '{"format": "claimline", "formatVersion": 1}', 'claimline-json'],
    ['Claimline JSON that is cut short', '{"format": "claimline", "claims": [', 'claimline-json'],
    ['a TimelineJS timeline, Claimline’s own export included', '{"title": {"text": {"headline": "Claimline"}}, "events": []}', 'timelinejs-json'],
    ['Claimline’s CSV, behind a byte order mark', '\uFEFFclaim_id,statement,date_value\r\nx,A,2024\r\n', 'csv'],
    ['the TimelineJS sheet', 'Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text,Media\n2024,,,,,,,,,A,,\n', 'timelinejs-sheet'],
    ['an ordinary spreadsheet', 'statement,date,source,url,quote\nA,2024,Reuters,,\n', 'spreadsheet'],
    ['a sheet pasted with tabs', 'Statement\tDate\tSource\nApple, Alibaba sign\t2025-02\tReuters\n', 'spreadsheet'],
    ['CSV with an unclosed quote', 'statement,date\n"A,2024\n', 'csv-error'],
  ])('when the file is %s, then it is read as %s', (_case, text, format) => {
    expect(detectFormat(text).format).toBe(format);
  });

  it.each([
    ['an empty file', '  \n', 'an empty file'],
    ['a web page', '<!DOCTYPE html><html><body>Claims</body></html>', 'a web page (HTML)'],
    ['the Atom feed', '<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom">', 'an Atom feed (XML)'],
    ['a JSON list', '[{"statement": "A"}]', 'a JSON list of 1 item'],
    ['another JSON object', '{"items": [], "count": 0}', 'a JSON object with “items”, “count”'],
    ['prose', 'Apple chose Alibaba as its partner.\nReuters said so.', 'plain text, not a table'],
    ['a PDF', '%PDF-1.7 …', 'a PDF document'],
  ])('when the file is %s, then it is said what it looks like', (_case, text, looksLike) => {
    const detected = detectFormat(text);
    expect(detected.format).toBe('unknown');
    expect(detected.format === 'unknown' && detected.looksLike).toContain(looksLike);
  });
});

describe('describeBinary', () => {
  it('when bytes start like a workbook, then it says to save it as CSV; other bytes say nothing', () => {
    expect(describeBinary(Buffer.from('PK\u0003\u0004rest', 'latin1'))).toContain('save it as CSV (UTF-8) first');
    expect(describeBinary(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))).toContain('old Excel workbook');
    expect(describeBinary(Buffer.from([0x63, 0xe9, 0xff]))).toBeUndefined();
  });
});
