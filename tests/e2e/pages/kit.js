/* global window */
// Shared by the e2e test pages: builds WordPress-style comments (the markup of the demo pages)
// with textContent only, from a fixed pool of sentences, so the pages stay deterministic.
(function () {
  var POOL = [
    'I agree with this plan, the council finally listened to the residents.',
    'This is a terrible idea and it will cost far more than they admit.',
    'Does anyone know when the new timetable starts?',
    'The article explains the budget numbers well.',
    'Great decision, the buses were overcrowded for years.',
    'I strongly oppose this, the consultation was a sham.',
    'Why was the northern route left out of the plan?',
    'Interesting, I had not heard about the second phase.',
    'Absolutely right, this should have happened a decade ago.',
    'Wrong priorities again: fix the potholes first.',
  ];
  function text(i) { return POOL[i % POOL.length] + ' (note ' + i + ')'; }
  function comment(doc, id, author, body) {
    var li = doc.createElement('li');
    li.className = 'comment';
    li.id = 'comment-' + id;
    var art = doc.createElement('article');
    art.className = 'comment-body';
    var footer = doc.createElement('footer');
    var who = doc.createElement('span');
    who.className = 'comment-author';
    who.textContent = author;
    footer.appendChild(who);
    var content = doc.createElement('div');
    content.className = 'comment-content';
    var p = doc.createElement('p');
    p.textContent = body;
    content.appendChild(p);
    art.appendChild(footer);
    art.appendChild(content);
    li.appendChild(art);
    return li;
  }
  /** Appends `li` as a reply to `parent` (in its ul.children, created when missing). */
  function reply(parent, li) {
    var list = parent.querySelector(':scope > ul.children');
    if (!list) {
      list = parent.ownerDocument.createElement('ul');
      list.className = 'children';
      parent.appendChild(list);
    }
    list.appendChild(li);
  }
  window.LensKit = { text: text, comment: comment, reply: reply };
})();
