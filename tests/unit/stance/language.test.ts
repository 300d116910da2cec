import { describe, expect, test } from 'vitest';
import type { Thread } from '../../../src/parser/types';
import { StanceEngine, labelThread } from '../../../src/stance/index';
import { detectLanguage, languageLabel, notLabelled } from '../../../src/stance/language';
import { fixturePages } from '../summary/fixture-threads';

const pages = fixturePages();

/** Paragraphs long enough to carry a language (headlines and bylines left out). */
const paragraphs = (t: Thread): string[] => t.article.paragraphs.filter((p) => p.length > 80);

describe('detectLanguage on the saved pages', () => {
  // English pages stay as they were: hardly a paragraph of theirs is taken for another language
  // (the German Stack Exchange page quotes German sentences, which are German).
  test.each(pages.filter((p) => p.lang === 'en' && paragraphs(p.thread).length).map((p) => [p.slug, p.thread] as const))(
    'English page %s: its paragraphs are English or too short to tell',
    (_slug, t) => {
      const other = paragraphs(t).filter((para) => ![null, 'en'].includes(detectLanguage(para)));
      expect(other.length / paragraphs(t).length).toBeLessThanOrEqual(0.2);
    },
  );

  test.each(pages.filter((p) => p.lang !== 'en').map((p) => [p.lang, p.slug, p.thread] as const))('%s page %s: its language, in its paragraphs and its comments', (lang, _slug, t) => {
    const texts = [...paragraphs(t), ...t.comments.map((c) => c.text)];
    const verdicts = texts.map(detectLanguage).filter((l) => l !== null);
    expect(verdicts.length).toBeGreaterThan(0);
    // Most of what it can tell is the page's language; never English for most.
    expect(verdicts.filter((l) => l === lang).length / verdicts.length).toBeGreaterThanOrEqual(0.8);
  });

  test.each(pages.filter((p) => p.category === 'with-comments' && p.lang === 'en').map((p) => [p.slug, p.thread] as const))(
    'English comment page %s: most comments are English or too short to tell',
    (_slug, t) => {
      const other = t.comments.filter((c) => ![null, 'en'].includes(detectLanguage(c.text)));
      expect(other.length / Math.max(1, t.comments.length)).toBeLessThan(0.5);
    },
  );
});

describe('detectLanguage, edge cases', () => {
  test.each([
    ['too short to tell', 'Danke!', null],
    ['empty', '', null],
    ['accented Latin, no function words', 'ÄÖÜ ß İstanbul ﬁne', null],
    ['English quoting German', 'He said "das ist nicht gut" and I think he was right about the tax.', 'en'],
    ['German', 'Das ist doch nicht die Lösung, die wir brauchen, und es wird auch nichts ändern.', 'de'],
    ['French', "C'est une mauvaise idée et je ne pense pas que le gouvernement ait raison.", 'fr'],
    ['Spanish', 'No creo que esta sea una buena idea para el país, pero es lo que hay.', 'es'],
    ['Portuguese', 'Não acho que isso seja bom para o país, mas é o que temos agora.', 'pt'],
    ['Czech', 'To je podle mě špatně, protože vláda už nic nedělá a jen se na to dívá.', 'cs'],
    ['Chinese', '這個政策我覺得很好，希望政府繼續推動下去。', 'zh'],
    ['Japanese', 'この政策はとても良いと思います。続けてほしいです。', 'ja'],
    ['Cyrillic', 'Это очень плохая идея для всех нас здесь', 'und'],
    // Links, handles and addresses are no language's words (RumourEval's English tweets with t.co links read as Czech)
    ['an English tweet with a link', '“@BBCBreaking: Germanwings Airbus A320 crashes in French Alps near Digne http://t.co/0RVUOUMD4z”', null],
    ['English with two links', 'Map shows industrial estate where 2 #CharlieHebdo suspects are holed up, surrounded by police http://t.co/abcDEF12 via www.example.com/a/b', null],
    ['handles and a link alone', '@sampepper https://t.co/hFvbnoeY0k', null],
    ['English with a bare address', 'See bbc.co.uk/news/world-123 for the story, it is a terrible idea', 'en'],
    ['French after two handles', '@LisaVanmerban @sampepper mais ça se trouve elle a un problème genre mental cette meuf', 'fr'],
    ['Czech with an e-mail address', 'Write to me at jan.novak@example.cz: je to podle mě špatně, protože vláda už nic nedělá', 'cs'],
    // a function word counts once
    ['one function word repeated', '@RealAlexJones ha ha ha ha ha ha ha ha ha ha ha ha ha ha ha - you got owned', null],
  ])('%s', (_what, text, want) => {
    expect(detectLanguage(text)).toBe(want);
  });
});

describe('the Labeller leaves other languages unlabelled, English as it was', () => {
  const engine = new StanceEngine();
  const thread: Thread = {
    article: { paragraphs: ['The council approved the new carbon tax on Monday.'] },
    comments: [
      { id: 'c1', author: 'a', text: 'Great decision, long overdue. This will cut emissions.' },
      { id: 'c2', author: 'b', text: 'Das ist doch nicht die Lösung, die wir brauchen, und es wird auch nichts ändern.' },
      { id: 'c3', author: 'c', text: 'I disagree, it is a terrible idea.', parentId: 'c2' },
    ],
  };
  const labels = labelThread(thread, engine);

  test('a German comment has no stance, and says why', () => {
    expect(labels[1]).toEqual(languageLabel('de'));
    expect(notLabelled(labels[1]!)).toEqual({ reason: 'language', language: 'de' });
  });

  test('English comments get exactly what the engine gives them', () => {
    const ctx = engine.prepare(thread.article);
    expect(labels[0]).toEqual(engine.classify(ctx, thread.comments[0]!.text));
    expect(notLabelled(labels[0]!)).toBeNull();
    // Its parent has no stance, so the reply stands on its own words.
    expect(labels[2]).toEqual(engine.classify(ctx, thread.comments[2]!.text, { id: 'c2', text: thread.comments[1]!.text, label: labels[1] }));
  });

  test('a real label is never mistaken for a missing one', () => {
    expect(notLabelled({ label: 'neutral', confidence: 0, cues: [{ rule: 'placeholder', reason: 'deleted comment: nothing to read', weight: 0 }] })).toBeNull();
    expect(notLabelled({ label: 'neutral', confidence: 0.3, cues: [{ rule: 'language', text: 'de', reason: 'x', weight: 0 }] })).toBeNull();
  });
});
