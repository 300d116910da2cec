// What real dumps hold, one row each: the Thread's comments as [author, text] pairs and article fields.
import { describe, expect, test } from 'vitest';
import { parseDump } from '../../../src/parser/dump';

const ART = ' date 2024-06-09 The minister said on Monday that the plan would go ahead as announced last year.';
const CREDIT = 'Officials expect the first results within a year, the agency said.© Kyodo 2024.';
const d = (...lines: string[]): string => lines.join('\n');
const pairs = (input: string): [string, string][] => parseDump(input).comments.map((c) => [c.author, c.text]);

describe('comment splitting', () => {
  test.each<[string, string, [string, string][]]>([
    ['plain', d(ART, CREDIT, 'alice', 'Good plan.', 'bob', 'Bad plan.'), [['alice', 'Good plan.'], ['bob', 'Bad plan.']]],
    ['handles with digits, underscores, dots, hyphens',
      d(ART, CREDIT, 'user_42', 'First one here.', 'j.doe', 'Second one.', 'ann-marie', 'Third one.', '2cents', 'Fourth.'),
      [['user_42', 'First one here.'], ['j.doe', 'Second one.'], ['ann-marie', 'Third one.'], ['2cents', 'Fourth.']]],
    ['one-word comment that looks like a handle', d(ART, CREDIT, 'alice', 'Exactly', 'bob', 'Agreed.'),
      [['alice', 'Exactly'], ['bob', 'Agreed.']]],
    ['a reply word ending a multi-line comment stays in it',
      d(ART, CREDIT, 'alice', 'They will never build it on time.', 'Exactly.', 'bob', 'We will see about that.'),
      [['alice', 'They will never build it on time.\nExactly.'], ['bob', 'We will see about that.']]],
    ['reply words then a real handle', d(ART, CREDIT, 'alice', 'Long text here, really.', 'Agreed.', 'Indeed', 'Bob_7', 'Hi there'),
      [['alice', 'Long text here, really.\nAgreed.\nIndeed'], ['Bob_7', 'Hi there']]],
    ['a handle-shaped first line is the comment text, not a handle', d(ART, CREDIT, 'alice', 'bob', 'carol', 'Text of carol.'),
      [['alice', 'bob'], ['carol', 'Text of carol.']]],
    ['an author named like a reply word is a handle where it repeats an author',
      d(ART, CREDIT, 'Sure', 'First point here.', 'Sam', 'Second point.', 'Sure', 'Reply text here.'),
      [['Sure', 'First point here.'], ['Sam', 'Second point.'], ['Sure', 'Reply text here.']]],
    ['without a repeat, a lone reply word after text stays text',
      d(ART, CREDIT, 'Sam', 'First point here.', 'Sure', 'Hello there.'), [['Sam', 'First point here.\nSure\nHello there.']]],
    ['Japanese, Chinese, Cyrillic, Arabic handles and text',
      d(ART, CREDIT, '山田太郎', '日本は防衛産業を拡大すべきではないと思います。', '小明', '同意', 'Иван_Петров', 'Это плохая идея.', 'أحمد', 'هذا قرار جيد.'),
      [['山田太郎', '日本は防衛産業を拡大すべきではないと思います。'], ['小明', '同意'], ['Иван_Петров', 'Это плохая идея.'], ['أحمد', 'هذا قرار جيد.']]],
    ['a short Japanese sentence is not a handle', d(ART, CREDIT, 'tanaka', '反対です', 'そう思いますね', 'suzuki', 'なるほど'),
      [['tanaka', '反対です\nそう思いますね'], ['suzuki', 'なるほど']]],
    ['quoted lines and @handle openings are text', d(ART, CREDIT, 'alice', 'The plan is fine.', 'bob', '> The plan is fine.', 'No it is not.', 'carol', '@bob why not?'),
      [['alice', 'The plan is fine.'], ['bob', '> The plan is fine.\nNo it is not.'], ['carol', '@bob why not?']]],
    ['stray blank lines and spaces', d(ART, '', CREDIT, '', '  alice  ', '', '  Good   plan.  ', '', '', 'bob', 'Bad plan.', '', ''),
      [['alice', 'Good plan.'], ['bob', 'Bad plan.']]],
    ['a blank line inside a comment is kept once', d(ART, CREDIT, 'alice', 'First paragraph here.', '', '', 'Second paragraph here.', 'bob', 'Ok then.'),
      [['alice', 'First paragraph here.\n\nSecond paragraph here.'], ['bob', 'Ok then.']]],
    ['CRLF line ends', [ART, CREDIT, 'alice', 'Line one.', 'Line two.', 'bob', 'Text.'].join('\r\n'),
      [['alice', 'Line one.\nLine two.'], ['bob', 'Text.']]],
    ['U+2028 inside a line is a line break in the text, not a new dump line', d(ART, CREDIT, 'alice', 'one\u2028two', 'bob', 'Text.'),
      [['alice', 'one\ntwo'], ['bob', 'Text.']]],
    ['a BOM', `\uFEFF${d(ART, CREDIT, 'alice', 'Text.')}`, [['alice', 'Text.']]],
    ['no credit line: the article ends before the first handle', d(ART, 'A second long paragraph of the article text goes here.', 'alice', 'Good.', 'bob', 'Bad.'),
      [['alice', 'Good.'], ['bob', 'Bad.']]],
    ['no credit, first author named like a reply word who posts twice',
      d(ART, 'Exactly', 'I agree with this.', 'bob', 'No.', 'Exactly', 'Told you so.'),
      [['Exactly', 'I agree with this.'], ['bob', 'No.'], ['Exactly', 'Told you so.']]],
    ['article with no comments', d(ART, CREDIT), []],
    ['article with no comments and trailing blank lines', `${d(ART, CREDIT)}\n\n\n`, []],
  ])('%s', (_name, input, expected) => {
    expect(pairs(input)).toEqual(expected);
  });
});

describe('article fields', () => {
  test.each<[string, string, { date?: string; source?: string; paragraphs: number; last?: string }]>([
    ['credit at the end of the last paragraph', d(ART, CREDIT, 'a1', 'x y'),
      { date: '2024-06-09', source: 'Kyodo', paragraphs: 2, last: 'Officials expect the first results within a year, the agency said.' }],
    ['credit on its own line', d(ART, '© Thomson Reuters 2024.', 'a1', 'x y'), { date: '2024-06-09', source: 'Thomson Reuters', paragraphs: 1 }],
    ['year before the source', d(ART, 'More text here.© 2023 AFP-JIJI', 'a1', 'x y'), { date: '2024-06-09', source: 'AFP-JIJI', paragraphs: 2 }],
    ['no credit line', d(ART, 'alice', 'Text.'), { date: '2024-06-09', paragraphs: 1 }],
    ['no date header', d('The minister said on Monday that the plan would go ahead.', 'alice', 'Text.'), { paragraphs: 1 }],
    ['a © mid-article (photo credit) is not the end', d(ART, 'Photo: © AFP 2024.', 'The talks continue on Tuesday in the capital.© Kyodo 2024.', 'a1', 'x y'),
      { date: '2024-06-09', source: 'Kyodo', paragraphs: 3 }],
    ['header only', ' date 2024-06-09', { date: '2024-06-09', paragraphs: 0 }],
  ])('%s', (_name, input, want) => {
    const { article } = parseDump(input);
    expect(article.date).toBe(want.date);
    expect(article.source).toBe(want.source);
    expect(article.title).toBeUndefined();
    expect(article.paragraphs).toHaveLength(want.paragraphs);
    if (want.last !== undefined) expect(article.paragraphs.at(-1)).toBe(want.last);
  });
});
