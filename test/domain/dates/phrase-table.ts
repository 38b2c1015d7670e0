/**
 * Date phrases as wire and business copy uses them, each with the day it is read against, the sentence it
 * stands in where the sentence decides which way a bare date points, and what it must read as (or that it is
 * refused, with part of the message). Written from the rules of issue 12, before the resolver read them.
 * The sentences are our own. Shared by the table test and `npm run bench`.
 */
export interface PhraseCase {
  text: string;
  /** The day the phrase is read against (the document's publication day). */
  reference: string;
  /** The claim's quote, where it decides the reading. */
  sentence?: string;
  /** Month the actor's fiscal year ends in, where one is recorded. */
  fiscalYearEnd?: number;
  /** The expected Claimline notation. */
  value?: string;
  /** Which way a bare date was read, where one was. */
  direction?: 'back' | 'forward';
  /** Part of the refusal's message, for a phrase that must not be read. */
  refused?: string;
}

const TUE = '2025-02-11'; // Tuesday 11 February 2025, the Apple–Alibaba story's day
const FRI_JAN = '2025-01-10'; // Friday
const WED_NOV = '2024-11-20'; // Wednesday
const MON_JUN = '2025-06-02'; // Monday
const SUN_DEC = '2024-12-29'; // Sunday
const SAT_MAR = '2025-03-15'; // Saturday

export const PHRASE_TABLE: PhraseCase[] = [
  // Weekdays: the latest such day on or before the reference, or the next one when the sentence looks forward.
  { text: 'on Tuesday', reference: TUE, sentence: 'Apple said on Tuesday it had chosen Alibaba.', value: '2025-02-11', direction: 'back' },
  { text: 'on Monday', reference: TUE, sentence: 'The company announced the deal on Monday.', value: '2025-02-10', direction: 'back' },
  { text: 'Friday', reference: TUE, sentence: 'Shares fell 3% on Friday.', value: '2025-02-07', direction: 'back' },
  { text: 'on Wednesday', reference: TUE, sentence: 'Talks will resume on Wednesday.', value: '2025-02-12', direction: 'forward' },
  { text: 'on Tuesday', reference: TUE, sentence: 'The board will meet on Tuesday.', value: '2025-02-11', direction: 'forward' },
  { text: 'last Friday', reference: TUE, sentence: 'Regulators approved the plan last Friday.', value: '2025-02-07' },
  { text: 'last Tuesday', reference: TUE, value: '2025-02-04' },
  { text: 'this Friday', reference: TUE, sentence: 'The results are due this Friday.', value: '2025-02-14', direction: 'forward' },
  { text: 'this Monday', reference: TUE, sentence: 'Apple confirmed this Monday that it had picked Alibaba.', value: '2025-02-10', direction: 'back' },
  { text: 'on Sunday', reference: MON_JUN, sentence: 'Voters went to the polls on Sunday.', value: '2025-06-01', direction: 'back' },
  { text: 'Saturday', reference: MON_JUN, sentence: 'The summit is scheduled for Saturday.', value: '2025-06-07', direction: 'forward' },
  { text: 'on Thursday', reference: FRI_JAN, sentence: 'The court will rule on Thursday.', value: '2025-01-16', direction: 'forward' },
  { text: 'on Friday', reference: SAT_MAR, sentence: 'Trading was halted on Friday.', value: '2025-03-14', direction: 'back' },
  { text: 'yesterday', reference: TUE, value: '2025-02-10' },
  { text: 'today', reference: TUE, value: '2025-02-11' },
  { text: 'tomorrow', reference: TUE, sentence: 'The minister will visit the plant tomorrow.', value: '2025-02-12' },
  { text: 'yesterday', reference: '2025-03-01', value: '2025-02-28' },

  // Weeks run Monday to Sunday; the weekend is the latest Saturday–Sunday before the reference, or the next.
  { text: 'last week', reference: TUE, value: '2025-02-03/2025-02-09' },
  { text: 'this week', reference: TUE, value: '2025-02-10/2025-02-16' },
  { text: 'next week', reference: TUE, sentence: 'The bill goes to a vote next week.', value: '2025-02-17/2025-02-23' },
  { text: 'over the weekend', reference: TUE, sentence: 'Negotiators met over the weekend.', value: '2025-02-08/2025-02-09', direction: 'back' },
  { text: 'over the weekend', reference: MON_JUN, sentence: 'Storms hit the coast over the weekend.', value: '2025-05-31/2025-06-01', direction: 'back' },
  { text: 'over the weekend', reference: FRI_JAN, sentence: 'Talks will continue over the weekend.', value: '2025-01-11/2025-01-12', direction: 'forward' },
  { text: 'last week', reference: MON_JUN, value: '2025-05-26/2025-06-01' },
  { text: 'this week', reference: SUN_DEC, value: '2024-12-23/2024-12-29' },
  { text: 'at the weekend', reference: MON_JUN, sentence: 'The two sides spoke at the weekend.', value: '2025-05-31/2025-06-01', direction: 'back' },

  // Counting back: approximate, at the unit's precision (days are exact).
  { text: 'two weeks ago', reference: TUE, value: '~2025-01-27/~2025-02-02' },
  { text: 'three months ago', reference: TUE, value: '~2024-11' },
  { text: 'two years ago', reference: TUE, value: '~2023' },
  { text: 'about a year ago', reference: TUE, value: '~2024' },
  { text: 'a year ago', reference: TUE, value: '~2024' },
  { text: 'three days ago', reference: TUE, value: '2025-02-08' },
  { text: 'a month ago', reference: TUE, value: '~2025-01' },
  { text: 'six months ago', reference: TUE, value: '~2024-08' },
  { text: '18 months ago', reference: TUE, value: '~2023-08' },
  { text: 'a week ago', reference: TUE, value: '~2025-02-03/~2025-02-09' },
  { text: 'a decade ago', reference: TUE, value: '~2015' },
  { text: 'two quarters ago', reference: TUE, value: '~2024-Q3' },
  { text: 'a few weeks ago', reference: TUE, refused: 'does not say when' },
  { text: 'years ago', reference: TUE, refused: 'does not say when' },

  // Part of a period, up to or from the reference day.
  { text: 'earlier this year', reference: TUE, value: '2025-01-01/2025-02-11' },
  { text: 'later this year', reference: TUE, sentence: 'The service will launch later this year.', value: '2025-02-11/2025-12-31' },
  { text: 'so far this year', reference: TUE, value: '2025-01-01/2025-02-11' },
  { text: 'earlier this month', reference: TUE, value: '2025-02-01/2025-02-11' },
  { text: 'earlier this week', reference: TUE, value: '2025-02-10/2025-02-11' },
  { text: 'later this month', reference: TUE, value: '2025-02-11/2025-02-28' },
  { text: 'later this week', reference: TUE, value: '2025-02-11/2025-02-16' },
  { text: 'earlier in the year', reference: TUE, value: '2025-01-01/2025-02-11' },
  { text: 'so far this quarter', reference: WED_NOV, value: '2024-10-01/2024-11-20' },
  { text: 'earlier this year', reference: WED_NOV, value: '2024-01-01/2024-11-20' },

  // Results wording.
  { text: 'the March quarter', reference: '2024-05-02', sentence: 'Apple said revenue fell in the March quarter.', value: '2024-Q1', direction: 'back' },
  { text: 'the June quarter', reference: '2024-05-02', sentence: 'Apple expects revenue to grow in the June quarter.', value: '2024-Q2', direction: 'forward' },
  { text: 'the December quarter', reference: WED_NOV, sentence: 'Apple expects sales to rise in the December quarter.', value: '2024-Q4', direction: 'forward' },
  { text: 'the December quarter', reference: TUE, sentence: 'iPhone sales dipped in the December quarter.', value: '2024-Q4', direction: 'back' },
  { text: '3Q 2024', reference: TUE, value: '2024-Q3' },
  { text: 'Q3 2024', reference: TUE, sentence: 'Apple will report Q3 2024 numbers again.', value: '2024-Q3' },
  { text: '3Q24', reference: TUE, value: '2024-Q3' },
  { text: 'the first nine months of 2024', reference: TUE, value: '2024-01/2024-09' },
  { text: 'the first nine months', reference: WED_NOV, sentence: 'Profit rose 8% in the first nine months.', value: '2024-01/2024-09', direction: 'back' },
  { text: 'the first half', reference: '2024-08-15', sentence: 'Sales fell in the first half.', value: '2024-01/2024-06', direction: 'back' },
  { text: 'the first half', reference: TUE, sentence: 'The company plans to list its shares in the first half.', value: '2025-01/2025-06', direction: 'forward' },
  { text: 'H2 2024', reference: TUE, value: '2024-07/2024-12' },
  { text: 'the second half', reference: TUE, sentence: 'Production is set to start in the second half.', value: '2025-07/2025-12', direction: 'forward' },
  { text: 'the quarter ended Sept. 30', reference: '2024-10-31', sentence: 'Apple will report results for the quarter ended Sept. 30 on Thursday.', value: '2024-Q3', direction: 'back' },
  { text: 'the quarter ended Sept. 30, 2024', reference: TUE, value: '2024-Q3' },
  { text: 'the three months to June', reference: '2024-08-01', sentence: 'Sales rose 4% in the three months to June.', value: '2024-Q2', direction: 'back' },
  { text: 'the 12 months to March', reference: '2024-05-15', sentence: 'Exports fell in the 12 months to March.', value: '2023-04/2024-03', direction: 'back' },
  { text: 'the year to March 2024', reference: TUE, value: '2023-04/2024-03' },
  { text: 'full-year 2024', reference: TUE, value: '2024' },
  { text: 'the six months to September', reference: WED_NOV, sentence: 'Revenue slipped in the six months to September.', value: '2024-04/2024-09', direction: 'back' },
  { text: 'the three months to June 30', reference: TUE, sentence: 'The firm expects profit to rise in the three months to June 30.', value: '2025-Q2', direction: 'forward' },
  { text: 'the quarter ending Dec. 31', reference: WED_NOV, sentence: 'Apple forecast growth for the quarter ending Dec. 31.', value: '2024-Q4', direction: 'forward' },
  { text: 'the nine months ended Sept. 30, 2024', reference: TUE, value: '2024-01/2024-09' },
  { text: 'the second quarter', reference: TUE, sentence: 'Sales fell in the second quarter.', value: '2024-Q2', direction: 'back' },
  { text: 'the second quarter', reference: TUE, sentence: 'Apple expects to launch the feature in the second quarter.', value: '2025-Q2', direction: 'forward' },
  { text: 'the holiday quarter', reference: WED_NOV, sentence: 'Apple is counting on iPhone sales in the holiday quarter.', value: '2024-Q4', direction: 'back' },
  { text: 'the holiday quarter', reference: WED_NOV, sentence: 'Apple expects record sales in the holiday quarter.', value: '2024-Q4', direction: 'forward' },
  {
    text: 'the holiday quarter',
    reference: TUE,
    sentence: 'Being able to roll out its AI tools in China will be crucial for Apple as iPhone sales dipped in the holiday quarter, which is usually its biggest period.',
    value: '2024-Q4',
    direction: 'back',
  },
  { text: 'the fourth quarter', reference: '2024-10-25', sentence: 'Tesla expects deliveries to grow in the fourth quarter.', value: '2024-Q4', direction: 'forward' },
  { text: 'the third quarter', reference: '2024-10-25', sentence: 'Tesla’s profit rose in the third quarter.', value: '2024-Q3', direction: 'back' },
  { text: 'the first quarter', reference: WED_NOV, sentence: 'The deal is expected to close in the first quarter.', value: '2025-Q1', direction: 'forward' },
  { text: 'the first quarter', reference: WED_NOV, sentence: 'Sales dropped in the first quarter.', value: '2024-Q1', direction: 'back' },
  { text: 'the third quarter', reference: TUE, sentence: 'Apple plans to open the store in the third quarter.', value: '2025-Q3', direction: 'forward' },

  // Months and days without a year, and month qualifiers.
  { text: 'last March', reference: TUE, value: '2024-03' },
  { text: 'last December', reference: TUE, value: '2024-12' },
  { text: 'late last month', reference: TUE, value: '~2025-01-21/~2025-01-31' },
  { text: 'mid-March', reference: TUE, sentence: 'Protests began in mid-March.', value: '~2024-03-11/~2024-03-20', direction: 'back' },
  { text: 'early March', reference: TUE, sentence: 'The company plans to launch the phone in early March.', value: '~2025-03-01/~2025-03-10', direction: 'forward' },
  { text: 'late 2024', reference: TUE, value: '~2024-09/~2024-12' },
  { text: 'the end of last year', reference: TUE, value: '~2024-12' },
  { text: 'the start of the year', reference: TUE, value: '~2025-01' },
  { text: 'early last month', reference: TUE, value: '~2025-01-01/~2025-01-10' },
  { text: 'mid-January', reference: TUE, sentence: 'The outage lasted until mid-January.', value: '~2025-01-11/~2025-01-20', direction: 'back' },
  { text: 'late June 2024', reference: TUE, value: '~2024-06-21/~2024-06-30' },
  { text: 'the end of the month', reference: TUE, value: '~2025-02-21/~2025-02-28' },
  { text: 'the beginning of 2024', reference: TUE, value: '~2024-01' },
  { text: 'in March', reference: TUE, sentence: 'Production was halted in March.', value: '2024-03', direction: 'back' },
  { text: 'in March', reference: TUE, sentence: 'Talks will resume in March.', value: '2025-03', direction: 'forward' },
  { text: 'in February', reference: TUE, sentence: 'The regulator will rule in February.', value: '2025-02', direction: 'forward' },
  { text: 'in December', reference: '2025-01-05', sentence: 'The factory closed in December.', value: '2024-12', direction: 'back' },
  { text: 'in December', reference: WED_NOV, sentence: 'The app is scheduled to launch in December.', value: '2024-12', direction: 'forward' },
  { text: 'Jan. 20', reference: FRI_JAN, sentence: 'Talks will resume on Jan. 20.', value: '2025-01-20', direction: 'forward' },
  { text: 'Jan. 20', reference: FRI_JAN, sentence: 'The deal was signed on Jan. 20.', value: '2024-01-20', direction: 'back' },
  { text: 'Dec. 3', reference: TUE, sentence: 'The chip ban was announced on Dec. 3.', value: '2024-12-03', direction: 'back' },
  { text: 'March 5', reference: TUE, sentence: 'Shareholders will vote on March 5.', value: '2025-03-05', direction: 'forward' },
  { text: '15 June', reference: TUE, value: '2024-06-15', direction: 'back' },
  { text: 'Feb. 29', reference: TUE, sentence: 'The contract was signed on Feb. 29.', value: '2024-02-29', direction: 'back' },
  { text: 'around March', reference: TUE, sentence: 'The plant is expected to reopen around March.', value: '~2025-03', direction: 'forward' },
  { text: 'this March', reference: TUE, value: '2025-03' },
  { text: 'next January', reference: WED_NOV, value: '2025-01' },
  { text: 'March 2024', reference: TUE, sentence: 'Apple will keep selling the model it launched in March 2024.', value: '2024-03' },

  // Rolling periods end on the reference day.
  { text: 'the past year', reference: TUE, value: '2024-02-11/2025-02-11' },
  { text: 'the past 12 months', reference: TUE, value: '2024-02-11/2025-02-11' },
  { text: 'over the past decade', reference: TUE, value: '2015-02-11/2025-02-11' },
  { text: 'in the past two years', reference: TUE, value: '2023-02-11/2025-02-11' },
  { text: 'the last six months', reference: TUE, value: '2024-08-11/2025-02-11' },
  { text: 'the past week', reference: TUE, value: '2025-02-04/2025-02-11' },
  { text: 'the past three months', reference: '2025-05-31', value: '2025-02-28/2025-05-31' },
  { text: 'the past few years', reference: TUE, refused: 'does not say when' },

  // Deadlines: open at the start, ending where the period ends.
  { text: 'by the end of the year', reference: TUE, sentence: 'Apple aims to launch the features by the end of the year.', value: '../2025' },
  { text: 'by the end of the month', reference: TUE, value: '../2025-02' },
  { text: 'by the end of the quarter', reference: TUE, value: '../2025-Q1' },
  { text: 'by the end of next year', reference: TUE, value: '../2026' },
  { text: 'by year-end', reference: TUE, value: '../2025' },
  { text: 'by the end of March', reference: TUE, sentence: 'Apple plans to finish the review by the end of March.', value: '../2025-03', direction: 'forward' },
  { text: 'by the end of 2024', reference: TUE, value: '../2024' },
  { text: 'by the end of the week', reference: TUE, value: '../2025-02-16' },

  // Decades and named days.
  { text: 'the 2010s', reference: TUE, value: '2010/2019' },
  { text: 'the 1990s', reference: TUE, value: '1990/1999' },
  { text: 'the early 2000s', reference: TUE, value: '~2000/~2003' },
  { text: 'Christmas Day', reference: TUE, sentence: 'The outage began on Christmas Day.', value: '2024-12-25', direction: 'back' },
  { text: "New Year's Eve", reference: TUE, sentence: 'Fireworks lit the sky on New Year’s Eve.', value: '2024-12-31', direction: 'back' },
  { text: 'Christmas', reference: WED_NOV, sentence: 'Stores expect a rush at Christmas.', value: '2024-12-25', direction: 'forward' },
  { text: 'Christmas 2023', reference: TUE, value: '2023-12-25' },
  { text: 'New Year’s Day', reference: SUN_DEC, sentence: 'The law will take effect on New Year’s Day.', value: '2025-01-01', direction: 'forward' },
  { text: 'Thanksgiving', reference: WED_NOV, sentence: 'Retailers expect crowds at Thanksgiving.', value: '2024-11-28', direction: 'forward' },
  { text: 'Christmas Eve', reference: TUE, sentence: 'The strike started on Christmas Eve.', value: '2024-12-24', direction: 'back' },

  // Fiscal years: explicit ends are read; "fiscal 2024" needs the company's fiscal calendar.
  { text: 'the fiscal year ended March 31, 2024', reference: TUE, value: '2023-04/2024-03' },
  { text: 'the fiscal year ending June 30, 2025', reference: TUE, value: '2024-07/2025-06' },
  { text: 'fiscal 2024', reference: TUE, refused: 'fiscal calendar' },
  { text: 'FY25', reference: TUE, refused: 'fiscal calendar' },
  { text: 'fiscal 2024', reference: TUE, fiscalYearEnd: 9, value: '2023-10/2024-09' },
  { text: 'FY25', reference: TUE, fiscalYearEnd: 9, value: '2024-10/2025-09' },
  { text: 'the first quarter of fiscal 2025', reference: TUE, fiscalYearEnd: 9, value: '2024-Q4' },
  { text: 'fiscal Q2 2025', reference: TUE, fiscalYearEnd: 6, value: '2024-Q4' },
  { text: 'FY2024', reference: TUE, fiscalYearEnd: 3, value: '2023-04/2024-03' },
  { text: 'fiscal 2024', reference: TUE, fiscalYearEnd: 12, value: '2024' },
  { text: 'the fiscal first quarter', reference: TUE, fiscalYearEnd: 9, sentence: 'Apple’s revenue rose in the fiscal first quarter.', value: '2024-Q4', direction: 'back' },
  { text: 'Q1 FY25', reference: TUE, fiscalYearEnd: 9, value: '2024-Q4' },
  { text: 'fiscal 2025', reference: TUE, fiscalYearEnd: 1, value: '2024-02/2025-01' },
  { text: 'the second quarter', reference: TUE, fiscalYearEnd: 9, sentence: 'iPhone sales fell in the second quarter.', value: '2024-Q2', direction: 'back' },
  { text: 'this fiscal year', reference: TUE, fiscalYearEnd: 9, value: '2024-10/2025-09' },
  { text: 'last fiscal year', reference: TUE, fiscalYearEnd: 9, value: '2023-10/2024-09' },
  { text: 'the fiscal first quarter', reference: TUE, refused: 'fiscal calendar' },

  // Never guessed.
  { text: 'soon', reference: TUE, sentence: 'Apple will launch the features soon.', refused: 'does not say when' },
  { text: 'recently', reference: TUE, refused: 'does not say when' },
  { text: 'in the coming months', reference: TUE, refused: 'does not say when' },
  { text: 'at some point', reference: TUE, refused: 'does not say when' },
  { text: 'within weeks', reference: TUE, refused: 'does not say when' },
  { text: 'after the merger closes', reference: TUE, refused: 'another event' },
  { text: 'once the deal is approved', reference: TUE, refused: 'another event' },
  { text: 'before the election', reference: TUE, refused: 'another event' },
  { text: 'in recent years', reference: TUE, refused: 'does not say when' },
  { text: 'shortly', reference: TUE, refused: 'does not say when' },
  { text: 'in the near future', reference: TUE, refused: 'does not say when' },
  { text: 'next Friday', reference: TUE, refused: 'next Friday' },
  { text: 'spring 2024', reference: TUE, refused: 'spring' },

  // Explicit dates ignore which way the sentence looks.
  { text: 'the second quarter last year', reference: TUE, sentence: 'Apple will try to regain the ground it lost in the second quarter last year.', value: '2024-Q2' },
  { text: 'since last year', reference: TUE, sentence: 'The iPhone-maker has been searching for a local partner since last year.', value: '2024/..' },
  { text: 'since March', reference: TUE, sentence: 'Apple has been searching since March and will decide this month.', value: '2024-03/..', direction: 'back' },
  { text: 'the current quarter', reference: TUE, sentence: 'The company has forecast strong sales growth in the current quarter, fanning hopes that iPhone demand will rebound.', value: '2025-Q1' },
  {
    text: 'the third quarter',
    reference: TUE,
    sentence: 'Those factors led Apple to briefly fall out of China’s top five smartphone vendors in the second quarter last year, before recovering in the third quarter.',
    value: '2024-Q3',
    direction: 'back',
  },
  { text: 'calendar 2024', reference: TUE, value: '2024' },
  { text: 'next quarter', reference: TUE, sentence: 'Margins will improve next quarter.', value: '2025-Q2' },

  // Which verb a bare date hangs on.
  { text: 'in March', reference: TUE, sentence: 'Apple said on Tuesday it will launch the service in March.', value: '2025-03', direction: 'forward' },
  { text: 'on Tuesday', reference: TUE, sentence: 'Apple said on Tuesday it will launch the service in March.', value: '2025-02-11', direction: 'back' },
  { text: 'in May', reference: TUE, sentence: 'Apple, which launched the phone in May, will expand it across China.', value: '2024-05', direction: 'back' },
  { text: 'in June', reference: TUE, sentence: 'The company is expected to announce the feature in June.', value: '2025-06', direction: 'forward' },
  { text: 'in October', reference: TUE, sentence: 'The rules took effect in October.', value: '2024-10', direction: 'back' },
  { text: 'in April', reference: TUE, sentence: 'Shipments would begin in April, the company said.', value: '2025-04', direction: 'forward' },
  { text: 'in January', reference: WED_NOV, sentence: 'The law takes effect in January.', value: '2025-01', direction: 'forward' },
  { text: 'in September', reference: TUE, sentence: 'The firm is due to report in September.', value: '2025-09', direction: 'forward' },
  { text: 'in March', reference: TUE, sentence: 'Sales have fallen since the plant closed in March.', value: '2024-03', direction: 'back' },
  { text: 'in August', reference: TUE, sentence: 'The project aims to finish construction in August.', value: '2025-08', direction: 'forward' },
  { text: 'in July', reference: TUE, sentence: 'Apple launched the model in July and plans a cheaper one next year.', value: '2024-07', direction: 'back' },
  { text: 'in November', reference: TUE, sentence: 'Apple plans a cheaper model, after sales slumped in November.', value: '2024-11', direction: 'back' },
  { text: 'in May', reference: TUE, sentence: 'The company could cut prices in May, analysts said.', value: '2025-05', direction: 'forward' },
  { text: 'the second quarter', reference: TUE, sentence: 'The cheaper iPhone goes on sale in the second quarter.', value: '2025-Q2', direction: 'forward' },

  // Added after the resolver first passed the rows above: forms met while checking it against more copy.
  { text: 'the week ended Feb. 7', reference: TUE, sentence: 'Jobless claims rose in the week ended Feb. 7.', value: '2025-02-01/2025-02-07', direction: 'back' },
  { text: 'the first three months of the year', reference: TUE, value: '2025-Q1' },
  { text: 'the first half of the year', reference: TUE, value: '2025-01/2025-06' },
  { text: 'in the second half of next year', reference: TUE, value: '2026-07/2026-12' },
  { text: 'the fourth quarter of 2024', reference: TUE, value: '2024-Q4' },
  { text: 'by the end of the decade', reference: TUE, value: '../2029' },
  { text: 'before the end of the year', reference: TUE, value: '../2025' },
  { text: 'by mid-year', reference: TUE, value: '../~2025-08' },
  { text: 'over the next two years', reference: TUE, value: '2025-02-11/2027-02-11' },
  { text: 'two weeks from now', reference: TUE, value: '~2025-02-24/~2025-03-02' },
  { text: 'Jan. 20-22, 2025', reference: TUE, value: '2025-01-20/2025-01-22' },
  { text: '15-20 June 2024', reference: TUE, value: '2024-06-15/2024-06-20' },
  { text: 'this past weekend', reference: TUE, value: '2025-02-08/2025-02-09' },
  { text: 'late on Tuesday', reference: TUE, sentence: 'Shares slumped late on Tuesday.', value: '2025-02-11', direction: 'back' },
  { text: 'Monday, Feb. 10', reference: TUE, value: '2025-02-10', direction: 'back' },
  { text: 'nearly two years ago', reference: TUE, value: '~2023' },
  { text: 'the prior quarter', reference: TUE, value: '2024-Q4' },
  { text: 'Easter', reference: TUE, sentence: 'The store will reopen at Easter.', value: '2025-04-20', direction: 'forward' },
  { text: 'Black Friday', reference: WED_NOV, sentence: 'Retailers expect record sales on Black Friday.', value: '2024-11-29', direction: 'forward' },
  { text: 'end-March', reference: TUE, sentence: 'The review finished at end-March.', value: '~2024-03-21/~2024-03-31', direction: 'back' },
  { text: 'Monday, Feb. 11', reference: TUE, refused: 'is a Tuesday, not a Monday' },
  { text: 'the past quarter', reference: TUE, refused: 'past quarter' },
  { text: 'the same period last year', reference: TUE, refused: 'did not understand “same”' },
  { text: 'a year earlier', reference: TUE, refused: 'does not say when' },
];
