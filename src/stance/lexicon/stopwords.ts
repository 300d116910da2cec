// Function words left out of the article's key terms and of overlap counts.
export const STOPWORDS: ReadonlySet<string> = new Set((
  'a an the and or but if of to in on at by for with from as is are was were be been being it its ' +
  'this that these those i you he she we they me him her us them my your his our their what which ' +
  'who whom whose when where why how all any both each few more most other some such no nor not only ' +
  'own same so than too very can will just don should now do does did doing have has had having ' +
  'would could about into over after before up down out off again further then once here there ' +
  "also said says say told tell one two new like get got make made even still much many well ' s t " +
  'monday tuesday wednesday thursday friday saturday sunday january february march april june july ' +
  'august september october november december today yesterday tomorrow week year ' +
  'im its dont cant wont theyre youre thats there their yes yeah ok lol rt via amp <url> <user> <num>'
).split(/\s+/).filter(Boolean));
