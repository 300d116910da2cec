/* global document, location */
// With ?hostile the page adds CSS aimed at everything, with !important; without, the same page
// is the control the test compares against.
if (/[?&]hostile\b/.test(location.search)) {
  var css = '* { color: red !important; font-size: 40px !important; display: inline !important;'
    + ' background: yellow !important; border: 5px dashed lime !important; padding: 9px !important;'
    + ' margin: 7px !important; line-height: 3 !important; font-family: fantasy !important;'
    + ' visibility: visible !important; opacity: 0.9 !important; text-transform: uppercase !important;'
    + ' letter-spacing: 4px !important; width: auto !important; box-sizing: content-box !important; }\n'
    + 'button { display: none !important; }\n'
    + 'div { display: inline !important; position: static !important; }\n'
    + 'strong, span { font-size: 60px !important; color: blue !important; }\n'
    + 'head, script, style, title { display: none !important; }';
  var style = document.createElement('style');
  style.textContent = css;
  document.head.appendChild(style);
}
