/* global window, document, location, Element, Document, Node */
// Runs in <head> before the extension: breaks built-ins the way hostile or careless pages do.
// ?group=globals|array|json|dom|all picks what is broken.
(function () {
  var m = /[?&]group=(\w+)/.exec(location.search);
  var group = m ? m[1] : 'all';
  var on = function (g) { return group === 'all' || group === g; };
  var done = [];
  // Not push: the array group breaks it.
  var note = function () { for (var i = 0; i < arguments.length; i++) done[done.length] = arguments[i]; };
  window.__overridden = done;
  if (on('globals')) {
    var fake = { runtime: { id: 'fake', sendMessage: function () { throw new Error('page fake'); },
      onMessage: { addListener: function () { throw new Error('page fake'); } } },
      storage: { local: { get: function () { throw new Error('page fake'); } }, sync: null } };
    Object.defineProperty(window, 'browser', { value: fake, writable: false, configurable: false });
    Object.defineProperty(window, 'chrome', { value: fake, writable: false, configurable: false });
    note('browser', 'chrome');
  }
  if (on('array')) {
    Array.prototype.map = function () { return []; };
    Array.prototype.forEach = function () { return undefined; };
    Array.prototype.push = function () { throw new Error('push is broken on this page'); };
    note('Array.prototype.map', 'forEach', 'push');
  }
  if (on('json')) {
    JSON.parse = function () { return { hijacked: true }; };
    JSON.stringify = function () { return '"hijacked"'; };
    note('JSON.parse', 'JSON.stringify');
  }
  if (on('dom')) {
    Element.prototype.querySelector = function () { return null; };
    Element.prototype.querySelectorAll = function () { return document.createDocumentFragment().childNodes; };
    Document.prototype.querySelector = function () { return null; };
    Document.prototype.querySelectorAll = function () { return document.createDocumentFragment().childNodes; };
    Element.prototype.setAttribute = function () { throw new Error('setAttribute is broken on this page'); };
    Node.prototype.appendChild = function () { throw new Error('appendChild is broken on this page'); };
    note('querySelector', 'querySelectorAll', 'setAttribute', 'appendChild');
  }
})();
