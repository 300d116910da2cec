// Small HTML-writing helpers for the demo pages: every piece of seed text goes through escapeHtml.

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch] ?? ch);
}

/** Split a text into paragraphs on line breaks; blank lines never make empty <p>. */
export function paragraphs(text: string, indent: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .map((line) => `${indent}<p>${escapeHtml(line)}</p>`)
    .join('\n');
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
  'October', 'November', 'December'];

/** "2024-06-09" -> "June 9, 2024"; anything else is shown as given. */
export function humanDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  const month = MONTHS[Number(m[2]) - 1];
  return month ? `${month} ${Number(m[3])}, ${m[1]}` : iso;
}

/**
 * A headline from the article's first sentence: the seeds carry no title line, so we author one.
 * Cut at the first sentence end, then at a clause break if it is still long, then at a word boundary.
 */
export function deriveTitle(firstParagraph: string, maxLength = 90): string {
  const text = firstParagraph.replace(/\s+/g, ' ').trim();
  if (!text) return 'Untitled article';
  let title = firstSentence(text);
  if (title.length > maxLength) {
    const clause = /,|;| that | as | while /.exec(title.slice(30));
    if (clause) title = title.slice(0, 30 + clause.index);
  }
  if (title.length > maxLength) {
    const cut = title.lastIndexOf(' ', maxLength - 1);
    title = `${title.slice(0, cut > 20 ? cut : maxLength - 1)}…`;
  }
  return title.replace(/[,;:\s]+$/, '');
}

/** The first sentence; a period after an abbreviation ("U.S.", "Mr.") does not end it. */
function firstSentence(text: string): string {
  for (const m of text.matchAll(/[.!?]["”]?\s+(?=["“A-Z])/g)) {
    const before = text.slice(0, m.index + 1);
    if (/(?:\b[A-Z]\.)+$|\b(?:Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Jr|No)\.$/.test(before)) continue;
    return before;
  }
  return text.replace(/[.!?]+$/, '');
}
