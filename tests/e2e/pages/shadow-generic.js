/* global window, document */
// A site's own web component: WordPress-style comments inside an open shadow root of a custom
// element that no adapter names.
(function () {
  var root = document.querySelector('#box').attachShadow({ mode: 'open' });
  var ol = document.createElement('ol');
  ol.className = 'comment-list';
  for (var i = 1; i <= 5; i++) ol.append(window.LensKit.comment(document, i, 'Shadow reader ' + i, window.LensKit.text(i)));
  root.append(ol);
})();
