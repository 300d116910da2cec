// Bench pages: a news article with n generated comments (makeThread texts) in the demo page's
// WordPress markup — section#comments > ol.comment-list > li.comment — with nested replies
// (li.comment > ol.children > li.comment), so the adapter walks a realistic tree.
import { escapeHtml, paragraphs } from '../demo/html';
import { makeThread, rng } from './generate';

function item(id: number, author: string, text: string, children: string[]): string {
  return [
    `<li class="comment" id="comment-${id}">`,
    '<article class="comment-body">',
    `<footer><span class="comment-author">${escapeHtml(author)}</span> <time datetime="2024-06-09">June 9, 2024</time></footer>`,
    `<div class="comment-content">\n${paragraphs(text, '')}\n</div>`,
    '</article>',
    ...(children.length ? ['<ol class="children">', ...children, '</ol>'] : []),
    '</li>',
  ].join('\n');
}

/** About one comment in four is a reply (one level, sometimes two) to the comment before it. */
export function renderBenchPage(n: number, seed = 7): string {
  const thread = makeThread(n, seed);
  const r = rng(seed + 1);
  // Group into top-level comments with reply lists; depth <= 2 keeps the markup WordPress-like.
  type Node = { i: number; kids: Node[] };
  const roots: Node[] = [];
  let lastRoot: Node | null = null;
  let lastReply: Node | null = null;
  thread.comments.forEach((_, i) => {
    const node: Node = { i, kids: [] };
    const roll = r();
    if (lastRoot && roll < 0.2) {
      lastRoot.kids.push(node);
      lastReply = node;
    } else if (lastReply && roll < 0.27) {
      lastReply.kids.push(node);
    } else {
      roots.push(node);
      lastRoot = node;
      lastReply = null;
    }
  });
  const render = (node: Node): string => {
    const c = thread.comments[node.i]!;
    return item(node.i + 1, c.author, c.text, node.kids.map(render));
  };
  return `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Shipbuilding deal expands cooperation | The Bench Times</title></head>
<body>
<header class="site">The Bench Times</header>
<main>
<article class="post">
<h1>Shipbuilding deal expands cooperation</h1>
<div class="byline"><time datetime="2024-06-09">June 9, 2024</time> · Example Wire</div>
<div class="entry-content">
${thread.article.paragraphs.map((p) => paragraphs(p, '')).join('\n')}
</div>
</article>
<section id="comments" class="comments-area">
<h2 class="comments-title">${n} comments</h2>
<ol class="comment-list">
${roots.map(render).join('\n')}
</ol>
</section>
</main>
</body>
</html>
`;
}
