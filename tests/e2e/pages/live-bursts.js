/* global window, document, location, setInterval, clearInterval */
// Appends comments in 5 bursts, 200 ms apart (7, 12, 5, 20 and 9 comments; every third one a
// reply nested under an earlier comment). With ?hold the bursts wait for window.__startBursts().
(function () {
  var SIZES = [7, 12, 5, 20, 9];
  var list = document.querySelector('#comments ol.comment-list');
  var next = list.querySelectorAll('li.comment').length + 1;
  window.__burstsDone = false;
  function burst(size) {
    for (var k = 0; k < size; k++) {
      var li = window.LensKit.comment(document, next, 'Live reader ' + (next % 9), window.LensKit.text(next));
      var earlier = list.querySelectorAll('li.comment');
      if (next % 3 === 0) window.LensKit.reply(earlier[(next * 7) % earlier.length], li);
      else list.appendChild(li);
      next++;
    }
  }
  function start() {
    var i = 0;
    var timer = setInterval(function () {
      burst(SIZES[i++]);
      if (i === SIZES.length) {
        clearInterval(timer);
        window.__burstsDone = true;
      }
    }, 200);
  }
  window.__startBursts = start;
  if (!/[?&]hold\b/.test(location.search)) window.addEventListener('load', start);
})();
