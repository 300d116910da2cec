// The article's paragraphs without Readability: score the containers of paragraph-like blocks by
// their text (length, commas), their class/id hints and their link density, take the best and its
// siblings that score close to it, and read their block-level text in order. A pure read: nothing
// is cloned or removed; the comments, their section and our own panel are skipped subtrees.
import { OWN_HOST_ID, blockText } from './dom';

// Class/id words that make a container unlikely to be the article (after Readability's table).
const UNLIKELY = /-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote/i;
const MAYBE = /and|article|body|column|content|main|shadow/i;
const POSITIVE = /article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story/i;
const NEGATIVE = /-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|footer|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget/i;
// Never article text: scripts, controls, navigation and page chrome.
const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'svg', 'IFRAME', 'FORM', 'BUTTON', 'SELECT', 'TEXTAREA', 'INPUT', 'NAV', 'ASIDE', 'FOOTER', 'OBJECT', 'EMBED', 'CANVAS', 'DIALOG']);
const SKIP_ROLES = new Set(['menu', 'menubar', 'complementary', 'navigation', 'alert', 'alertdialog', 'dialog']);
const BLOCKS = new Set(['P', 'PRE', 'DIV', 'SECTION', 'ARTICLE', 'MAIN', 'BLOCKQUOTE', 'UL', 'OL', 'DL', 'TABLE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'FIGURE', 'HEADER', 'FOOTER', 'ASIDE', 'NAV', 'FORM', 'HR']);

interface Measure {
  text: number;
  links: number;
  commas: number;
}

const hintsOf = (e: Element): string => `${e.getAttribute('class') ?? ''} ${e.getAttribute('id') ?? ''}`;

/** Class/id weight: +25 for article-like words, -25 for chrome-like ones. */
function weight(e: Element): number {
  const h = hintsOf(e);
  return (NEGATIVE.test(h) ? -25 : 0) + (POSITIVE.test(h) ? 25 : 0);
}

function tagBonus(tag: string): number {
  if (tag === 'DIV') return 5;
  if (tag === 'PRE' || tag === 'TD' || tag === 'BLOCKQUOTE') return 3;
  if (/^(ADDRESS|OL|UL|DL|DD|DT|LI|FORM)$/.test(tag)) return -3;
  return /^(H[1-6]|TH)$/.test(tag) ? -5 : 0;
}

export class ContentScorer {
  private readonly scores = new Map<Element, number>();
  private readonly finals = new Map<Element, number>();
  private readonly measures = new Map<Element, Measure>();

  constructor(private readonly excluded: Set<Element>) {}

  /** Subtrees never read: the comments, our panel, scripts and chrome, hidden or unlikely parts. */
  skip = (e: Element): boolean => {
    if (this.excluded.has(e) || e.id === OWN_HOST_ID || SKIP_TAGS.has(e.tagName)) return true;
    if (e.getAttribute('hidden') !== null || e.getAttribute('aria-hidden') === 'true') return true;
    if (SKIP_ROLES.has(e.getAttribute('role') ?? '')) return true;
    if (e.tagName === 'BODY' || e.tagName === 'ARTICLE' || e.tagName === 'MAIN' || e.tagName === 'HTML') return false;
    const h = hintsOf(e);
    return UNLIKELY.test(h) && !MAYBE.test(h);
  };

  /**
   * Text, link-text and comma counts of `e`, skipped subtrees left out. Memoised and built from the
   * children's counts, so measuring every box of the content (nested divs) stays O(content).
   */
  measure(e: Element): Measure {
    const known = this.measures.get(e);
    if (known) return known;
    const r: Measure = { text: 0, links: 0, commas: 0 };
    for (let n = e.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === 3) {
        const v = (n.nodeValue ?? '').replace(/\s+/g, ' ');
        r.text += v.length;
        r.commas += v.match(/[,，、]/g)?.length ?? 0;
      } else if (n.nodeType === 1 && !this.skip(n as Element)) {
        const m = this.measure(n as Element);
        r.text += m.text;
        r.links += m.links;
        r.commas += m.commas;
      }
    }
    if (e.tagName === 'A') r.links = r.text;
    this.measures.set(e, r);
    return r;
  }

  /** A block that reads as a paragraph: a <p>/<pre>, or a div holding text but no block children. */
  private paragraphLike(e: Element): boolean {
    if (e.tagName === 'P' || e.tagName === 'PRE') return true;
    if (e.tagName !== 'DIV' && e.tagName !== 'SECTION') return false;
    for (let c = e.firstElementChild; c; c = c.nextElementSibling) if (BLOCKS.has(c.tagName)) return false;
    return true;
  }

  /** One pre-order walk: each paragraph's score goes to its parent, half to the grandparent, less above. */
  score(root: Element): void {
    const stack: Element[] = [root];
    while (stack.length) {
      const e = stack.pop() as Element;
      if (e !== root && this.skip(e)) continue;
      if (this.paragraphLike(e)) {
        const text = blockText(e, this.skip).replace(/\s+/g, ' ');
        if (text.length >= 25) {
          const s = 1 + (text.match(/[,，、]/g)?.length ?? 0) + Math.min(Math.floor(text.length / 100), 3);
          let level = 0;
          for (let a = e.parentElement; a && level < 5; a = a.parentElement, level++) {
            if (!this.scores.has(a)) this.scores.set(a, weight(a) + tagBonus(a.tagName));
            this.scores.set(a, (this.scores.get(a) as number) + s / (level === 0 ? 1 : level === 1 ? 2 : level * 3));
          }
        }
        if (e.tagName !== 'DIV' && e.tagName !== 'SECTION') continue;
      }
      for (let c = e.lastElementChild; c; c = c.previousElementSibling) stack.push(c);
    }
  }

  /** Score after the link-density penalty. */
  final(e: Element): number {
    const raw = this.finals.get(e);
    if (raw !== undefined) return raw;
    const f = this.penalised(e);
    this.finals.set(e, f);
    return f;
  }

  private penalised(e: Element): number {
    const raw = this.scores.get(e);
    if (raw === undefined) return 0;
    const m = this.measure(e);
    return raw * (1 - (m.text ? m.links / m.text : 0));
  }

  /**
   * The best container, from the ten best by raw score (the penalty needs a text walk each). When
   * the text is split over several boxes that score alike (sections between figures), their
   * nearest common ancestor holding three of them is the article, as Readability decides.
   */
  top(): Element | null {
    const ranked = [...this.scores].sort((a, b) => b[1] - a[1]).slice(0, 10).map(([e]) => [e, this.final(e)] as const);
    ranked.sort((a, b) => b[1] - a[1]);
    const best = ranked[0];
    if (!best) return null;
    const alike = ranked.slice(1, 5).filter(([, s]) => s >= best[1] * 0.75).map(([e]) => e);
    if (alike.length >= 3) {
      for (let a = best[0].parentElement; a && a.tagName !== 'BODY'; a = a.parentElement) {
        if (alike.filter((e) => a.contains(e)).length >= 3) return this.widen(a);
      }
    }
    return this.widen(best[0]);
  }

  /** A lone child stands for its parent, so the siblings step sees the article's other boxes. */
  private widen(top: Element): Element {
    let t = top;
    while (t.parentElement && t.parentElement.tagName !== 'BODY' && t.parentElement.children.length === 1) t = t.parentElement;
    return t;
  }

  /** The top container and those of its siblings that read as part of the same article. */
  contentRoots(top: Element): Element[] {
    const threshold = Math.max(10, this.final(top) * 0.2);
    const topHints = top.getAttribute('class') ?? '';
    const parent = top.parentElement;
    if (!parent) return [top];
    const out: Element[] = [];
    for (let s = parent.firstElementChild; s; s = s.nextElementSibling) {
      if (s === top) out.push(s);
      else if (this.skip(s)) continue;
      else {
        const bonus = topHints && s.getAttribute('class') === topHints ? this.final(top) * 0.2 : 0;
        // a box whose paragraphs sit deeper than the scoring reaches counts by its best part
        const own = this.scores.has(s) ? this.final(s) : this.bestInside(s);
        if (own > 0 && own + bonus >= threshold) out.push(s);
        else if (s.tagName === 'P') {
          const m = this.measure(s);
          const density = m.text ? m.links / m.text : 0;
          const text = blockText(s, this.skip);
          if ((m.text > 80 && density < 0.25) || (m.text > 0 && m.text <= 80 && density === 0 && /\.( |$)/.test(text))) out.push(s);
        }
      }
    }
    return out;
  }

  private bestInside(box: Element): number {
    let best = 0;
    for (const [e, v] of this.scores) if (v > best && box.contains(e)) best = v;
    return best;
  }

  /**
   * Whether a list, table or box inside the content is page furniture rather than text: a
   * chrome-like class, or mostly links with few commas (Readability's conditional cleaning).
   */
  furniture = (e: Element): boolean => {
    if (this.skip(e)) return true;
    if (!/^(DIV|SECTION|UL|OL|TABLE|FIGURE|HEADER)$/.test(e.tagName)) return false;
    const w = weight(e);
    if (w < 0) return true;
    const m = this.measure(e);
    if (m.text === 0) return false;
    const density = m.links / m.text;
    // a list of linked items is kept unless a content class vouches for the text around it
    const list = e.tagName === 'UL' || e.tagName === 'OL';
    return m.commas < 10 && (w >= 25 ? density > 0.5 : !list && density > 0.2);
  };
}
