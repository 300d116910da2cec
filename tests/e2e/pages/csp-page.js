/* global window, document */
// The strict-CSP page's own script (script-src 'self' allows it): records CSP violations.
window.__violations = [];
document.addEventListener('securitypolicyviolation', function (e) {
  window.__violations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sourceFile || ''));
});
