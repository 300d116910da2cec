/* global window, document, location, setTimeout */
// Replaces the whole comment set with 9 different comments, either the list's children
// (window.__replace('children')) or the whole section element (window.__replace('section')).
// Without ?hold the section is replaced by itself 300 ms after load.
(function () {
  function fresh() {
    var items = [];
    for (var i = 0; i < 9; i++) {
      var li = window.LensKit.comment(document, 100 + i, 'New reader ' + i, 'Second page of comments: ' + window.LensKit.text(i + 3));
      if (i % 4 === 3) window.LensKit.reply(items[items.length - 1], li);
      else items.push(li);
    }
    return items;
  }
  window.__replaced = false;
  window.__replace = function (how) {
    var section = document.querySelector('#comments');
    if (how === 'children') {
      section.querySelector('ol.comment-list').replaceChildren.apply(section.querySelector('ol.comment-list'), fresh());
    } else {
      var next = document.createElement('section');
      next.id = 'comments';
      next.className = 'comments-area';
      var h = document.createElement('h2');
      h.textContent = 'Comments';
      var ol = document.createElement('ol');
      ol.className = 'comment-list';
      ol.append.apply(ol, fresh());
      next.append(h, ol);
      section.replaceWith(next);
    }
    window.__replaced = true;
  };
  if (!/[?&]hold\b/.test(location.search)) {
    window.addEventListener('load', function () { setTimeout(function () { window.__replace('section'); }, 300); });
  }
})();
