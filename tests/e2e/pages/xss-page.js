/* global window, document */
// Builds the hostile comment list: every vector goes in as TEXT (textContent), as a comment's
// words and as author names. Five hostile names write four comments each, so they are the
// panel's "most active" authors; the other comments are by one-off hostile names.
(function () {
  var v = window.XSS_VECTORS;
  var list = document.querySelector('#comments ol.comment-list');
  var regulars = [v[0], v[2], v[5], v[28], v[55]];
  var id = 1;
  function add(author, text) {
    list.appendChild(window.LensKit.comment(document, id++, author, text));
  }
  for (var r = 0; r < 4; r++) {
    for (var k = 0; k < regulars.length; k++) add(regulars[k], 'I agree with the plan. ' + v[(r * 5 + k) % v.length]);
  }
  for (var i = 0; i < v.length; i++) add('one-off ' + v[(i + 7) % v.length], v[i] + ' is what they said, and I oppose it.');
  window.__regulars = regulars;
})();
