import { describe, expect, it } from 'vitest';
import { isCreditLine, parseCredit } from '../../../src/domain/extract/credit-line.js';

describe('parseCredit', () => {
  it.each([
    ['Reuters, with additional editing and inputs from Vishakha Saxena', { wire: 'Reuters', contributors: ['Vishakha Saxena'] }],
    ['• Reuters, with additional editing and inputs from Vishakha Saxena', { wire: 'Reuters', contributors: ['Vishakha Saxena'] }],
    ['(Reporting by Hyun-woo Park in Seoul and Daniel Ortiz in San Francisco; Editing by Claire Fenwick)', { wire: null, contributors: ['Hyun-woo Park', 'Daniel Ortiz', 'Claire Fenwick'] }],
    ['Associated Press writer Tom Reyes in Denver contributed to this report.', { wire: 'The Associated Press', contributors: ['Tom Reyes'] }],
    ['Bloomberg, with additional reporting by Omar Haddad', { wire: 'Bloomberg', contributors: ['Omar Haddad'] }],
    ['With inputs from AFP', { wire: 'AFP', contributors: [] }],
    ['Source: Reuters', { wire: 'Reuters', contributors: [] }],
    ['This story was originally published by Nikkei Asia.', { wire: 'Nikkei Asia', contributors: [] }],
  ])('when the credit line is “%s”, then it reads as %j', (credit, expected) => {
    expect(parseCredit(credit)).toEqual(expected);
  });
});

describe('isCreditLine', () => {
  it.each([
    ['Reuters, with additional editing and inputs from Vishakha Saxena', true],
    ['(Reporting by Mei Lin Tan; Editing by Robert Hale)', true],
    ['Associated Press writer Tom Reyes in Denver contributed to this report.', true],
    ['--With assistance from Kim Lee.', true],
    ['Reuters reported the deal on Tuesday.', false],
    ['The company said, with some regret, that the plant would close.', false],
  ])('when a line reads “%s”, then it is a credit line: %s', (line, expected) => {
    expect(isCreditLine(line)).toBe(expected);
  });
});
