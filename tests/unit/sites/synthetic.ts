// Synthetic WordPress pages of any size, for the linear-work test and the extract benchmark:
// an article, then n comments in core markup, flat or nested (every third comment a reply chain).

const esc = (s: string): string => s.replace(/[&<>]/g, (c) => `&${c === '&' ? 'amp' : c === '<' ? 'lt' : 'gt'};`);

function item(i: number, replies: string): string {
  return `<li class="comment" id="comment-${i}"><article class="comment-body"><footer class="comment-meta">`
    + `<div class="comment-author vcard"><b class="fn">reader_${i % 97}</b> <span class="says">says:</span></div>`
    + `<div class="comment-metadata"><a href="#comment-${i}"><time datetime="2024-05-02T10:00:00">May 2, 2024</time></a></div></footer>`
    + `<div class="comment-content"><p>${esc(`Comment ${i}: I think the council got this one ${i % 2 ? 'right' : 'wrong'}, and here is why.`)}</p>`
    + `<p>A second paragraph, so bodies have more than one block.</p></div><div class="reply"><a class="comment-reply-link">Reply</a></div></article>${replies}</li>`;
}

/** `nested`: comments come in groups of three, the 2nd a reply to the 1st, the 3rd to the 2nd. */
export function syntheticPage(n: number, shape: 'flat' | 'nested'): string {
  const parts: string[] = [];
  if (shape === 'flat') for (let i = 1; i <= n; i++) parts.push(item(i, ''));
  else {
    for (let i = 1; i <= n; i += 3) {
      const c3 = i + 2 <= n ? `<ol class="children">${item(i + 2, '')}</ol>` : '';
      const c2 = i + 1 <= n ? `<ol class="children">${item(i + 1, c3)}</ol>` : '';
      parts.push(item(i, c2));
    }
  }
  const paras = Array.from({ length: 8 }, (_, k) => `<p>Paragraph ${k + 1} of the article: the council voted on Tuesday, after a long debate, to approve the new budget for the city.</p>`).join('');
  return `<!doctype html><html><head><title>Budget approved | Daily</title><meta property="og:site_name" content="Daily"></head><body>`
    + `<header><nav><a href="/">Home</a></nav></header><main><article class="post"><h1>Budget approved</h1><div class="entry-content">${paras}</div></article>`
    + `<section id="comments" class="comments-area"><h2 class="comments-title">${n} comments</h2><ol class="comment-list">${parts.join('')}</ol>`
    + `<div id="respond" class="comment-respond"><form><textarea></textarea></form></div></section></main><footer>© Daily</footer></body></html>`;
}
