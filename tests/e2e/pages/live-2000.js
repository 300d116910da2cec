/* global window, document, setInterval, clearInterval */
// 2,000 comments in 20 bursts of 100 (every fifth a reply), one burst every 200 ms after load.
(function () {
  var list = document.querySelector('#comments ol.comment-list');
  var next = list.querySelectorAll('li.comment').length + 1;
  var bursts = 0;
  window.__burstsDone = false;
  window.addEventListener('load', function () {
    var timer = setInterval(function () {
      var parent = null;
      for (var k = 0; k < 100; k++) {
        var li = window.LensKit.comment(document, next, 'Reader ' + (next % 97), window.LensKit.text(next));
        if (next % 5 === 0 && parent) window.LensKit.reply(parent, li);
        else {
          list.appendChild(li);
          parent = li;
        }
        next++;
      }
      if (++bursts === 20) {
        clearInterval(timer);
        window.__burstsDone = true;
      }
    }, 200);
  });
})();
