/* global window, document, performance, setInterval */
// The page's own view of its comments: the whole document as it stood at DOMContentLoaded (before
// the extension, which runs at document_idle), and the comment section re-serialized every 100 ms.
(function () {
  window.__snapCount = 0;
  document.addEventListener('DOMContentLoaded', function () {
    window.__htmlAtDCL = document.documentElement.outerHTML;
    window.__snapBefore = document.querySelector('#comments').outerHTML;
    window.__countBefore = document.querySelectorAll('#comments li.comment').length;
    setInterval(function () {
      var section = document.querySelector('#comments');
      window.__snap = section ? section.outerHTML : null;
      window.__snapCount = document.querySelectorAll('#comments li.comment').length;
      window.__snapAt = performance.now();
    }, 100);
  });
})();
