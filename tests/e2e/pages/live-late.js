/* global window, document, location, setTimeout */
// The comment widget renders late: the empty section is there at load, 12 comments arrive 1 s
// later. With ?hold they arrive when window.__inject() is called instead.
(function () {
  window.__injected = false;
  window.__inject = function () {
    var list = document.querySelector('#comments ol.comment-list');
    for (var i = 1; i <= 12; i++) {
      var li = window.LensKit.comment(document, i, 'Late reader ' + (i % 5), window.LensKit.text(i));
      if (i % 4 === 0) window.LensKit.reply(list.lastElementChild, li);
      else list.appendChild(li);
    }
    window.__injected = true;
  };
  if (!/[?&]hold\b/.test(location.search)) window.addEventListener('load', function () { setTimeout(window.__inject, 1000); });
})();
