// Date resolution: each phrase against a fixed published date (Saturday 2022-11-26).
import { describe, expect, it } from 'vitest';
import { resolveDate } from '../../server/extract/dates/index.ts';

const PUBLISHED = '2022-11-26';

/** Resolves the date of a one-sentence text whose clause is the whole sentence. */
function dateOf(sentence: string, published: string | null = PUBLISHED) {
  const range = { start: 0, end: sentence.length };
  return resolveDate(sentence, published, range, range);
}

describe('resolveDate', () => {
  const table: [string, string | null, string | null][] = [
    ['In a letter dated Tuesday, the minister thanked his counterpart.', '2022-11-22', 'day'],
    ['The envoy met the president on Monday.', '2022-11-21', 'day'],
    ['The prime minister spoke to reporters on Saturday.', '2022-11-26', 'day'],
    ['Last Saturday the foreign minister flew to the summit.', '2022-11-19', 'day'],
    ['The two sides signed the accord last month.', '2022-10', 'month'],
    ['The leaders first met in May.', '2022-05', 'month'],
    ['The ministers held talks in December.', '2021-12', 'month'],
    ['The council voted on November 14.', '2022-11-14', 'day'],
    ['The council voted on Nov. 14 after a long debate.', '2022-11-14', 'day'],
    ['The council voted on 14 November.', '2022-11-14', 'day'],
    ['Rebels seized the town on December 3.', '2021-12-03', 'day'],
    ['The treaty was signed in 2019.', '2019', 'year'],
    ['Sanctions were imposed in early 2020.', '2020', 'year'],
    ['The ambassador was summoned yesterday.', '2022-11-25', 'day'],
    ['The minister resigned three days ago.', '2022-11-23', 'day'],
    ['The talks collapsed last week.', '2022-11', 'month'],
    ['Officials met earlier this month.', '2022-11', 'month'],
    ['The vote took place last year.', '2021', 'year'],
    ['The agreement was reached in March 2021.', '2021-03', 'month'],
    ['The summit opened on June 5, 2018.', '2018-06-05', 'day'],
    ['The president will visit the capital on December 3.', '2022-12-03', 'day'],
    ['The ministers will meet next Tuesday.', '2022-11-29', 'day'],
    ['The envoy condemned the strike.', '2022-11', 'month'],
    ['Theresa May criticised the decision.', '2022-11', 'month'],
    ['Russia may retaliate against the sanctions.', '2022-11', 'month'],
    ['Protesters march on the embassy every year.', '2022-11', 'month'],
    ['The minister spoke at 3 pm.', '2022-11', 'month'],
    ['The two leaders met for the first time since 2018.', '2022-11', 'month'],
    ['Iran has enriched uranium since April.', '2022-11', 'month'],
    ['The mission will stay until December.', '2022-11', 'month'],
    ['The rivals signed an accord in mid-March.', '2022-03', 'month'],
    ['Resolution 2231 was adopted by the council.', '2022-11', 'month'],
    ['The vote was 12-3 in favour.', '2022-11', 'month'],
    ['The summit will be held in 2026.', '2026', 'year'],
  ];

  it.each(table)('%s -> %s (%s)', (sentence, date, precision) => {
    expect(dateOf(sentence)).toEqual({ date, precision });
  });

  it('prefers the date in the clause over one elsewhere in the sentence', () => {
    const text = 'On Monday the envoy arrived, and the treaty was signed on November 14.';
    const clauseStart = text.indexOf('the treaty');
    const result = resolveDate(
      text,
      PUBLISHED,
      { start: clauseStart, end: text.length },
      { start: 0, end: text.length },
    );
    expect(result).toEqual({ date: '2022-11-14', precision: 'day' });
  });

  it('falls back to the sentence when the clause states no date', () => {
    const text = 'On Monday the envoy arrived and condemned the strike.';
    const clauseStart = text.indexOf('condemned');
    const result = resolveDate(
      text,
      PUBLISHED,
      { start: clauseStart, end: text.length },
      { start: 0, end: text.length },
    );
    expect(result).toEqual({ date: '2022-11-21', precision: 'day' });
  });

  it('ignores a past-tense date after publication', () => {
    expect(dateOf('The army attacked the town on December 30, 2022.')).toEqual({
      date: '2022-11',
      precision: 'month',
    });
  });

  it('without a published date, keeps only dates that need no reference', () => {
    expect(dateOf('The envoy met the president on Monday.', null)).toEqual({
      date: null,
      precision: null,
    });
    expect(dateOf('The summit opened on June 5, 2018.', null)).toEqual({
      date: '2018-06-05',
      precision: 'day',
    });
    expect(dateOf('The treaty was signed in 2019.', null)).toEqual({
      date: '2019',
      precision: 'year',
    });
  });

  it('with a month-only published date falls back to that month', () => {
    expect(dateOf('The envoy condemned the strike.', '2021-06')).toEqual({
      date: '2021-06',
      precision: 'month',
    });
  });

  it('handles dates across a year boundary', () => {
    expect(dateOf('The ministers met on Tuesday.', '2023-01-02')).toEqual({
      date: '2022-12-27',
      precision: 'day',
    });
    expect(dateOf('The ministers met last month.', '2023-01-02')).toEqual({
      date: '2022-12',
      precision: 'month',
    });
  });
});
