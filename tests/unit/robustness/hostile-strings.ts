// Hostile text shared by the robustness tests: classic XSS vectors (they must come out as the very
// same literal text: the parser and the adapters treat page text as text, never as markup) and
// Unicode that trips naive code (bidi controls, zero-width characters, ZWJ emoji sequences).
import fc from 'fast-check';

/** 60 XSS vectors, each without leading/trailing or doubled spaces, so normalisation leaves it as is. */
export const XSS_VECTORS: readonly string[] = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=//evil.example/x.js></SCRIPT>',
  '<script>alert(String.fromCharCode(88,83,83))</script>',
  '<scr<script>ipt>alert(1)</scr</script>ipt>',
  '"><script>alert(document.cookie)</script>',
  "'><script>alert(1)</script>",
  '</textarea><script>alert(1)</script>',
  '</title><script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<img src="x" onerror="alert(\'xss\')">',
  '<IMG SRC=javascript:alert(1)>',
  '<img src=`javascript:alert(1)`>',
  '<img """><script>alert(1)</script>">',
  '<img src=x:alert(1) onerror=eval(src)>',
  '<a href="javascript:alert(1)">click me</a>',
  '<a href="jav&#x09;ascript:alert(1)">tab</a>',
  '<a href="JaVaScRiPt:alert(1)">mixed case</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data</a>',
  'javascript:alert(document.domain)',
  '<svg onload=alert(1)>',
  '<svg/onload=alert(1)>',
  '<svg><script>alert(1)</script></svg>',
  '<svg><animate onbegin=alert(1) attributeName=x dur=1s>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<body onload=alert(1)>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<object data="javascript:alert(1)">',
  '<embed src="javascript:alert(1)">',
  '<input autofocus onfocus=alert(1)>',
  '<details open ontoggle=alert(1)>',
  '<video><source onerror="alert(1)">',
  '<audio src=x onerror=alert(1)>',
  '<marquee onstart=alert(1)>x</marquee>',
  '<div style="background:url(javascript:alert(1))">',
  '<div style="width:expression(alert(1))">',
  '<style>@import "javascript:alert(1)";</style>',
  '<link rel=stylesheet href="javascript:alert(1)">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<base href="javascript:alert(1)//">',
  '<form action="javascript:alert(1)"><button>go</button></form>',
  '<isindex type=image src=1 onerror=alert(1)>',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '&#60;script&#62;alert(1)&#60;/script&#62;',
  '&#x3C;img src=x onerror=alert(1)&#x3E;',
  '&amp;lt;b&amp;gt;double-encoded&amp;lt;/b&amp;gt;',
  '\\u003cscript\\u003ealert(1)\\u003c/script\\u003e',
  '%3Cscript%3Ealert(1)%3C%2Fscript%3E',
  '<b>unclosed bold',
  '<i><b>misnested</i></b>',
  '<div',
  '<!-- comment --><p>after comment',
  '<![CDATA[<script>alert(1)</script>]]>',
  '<template><script>alert(1)</script></template>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '{{constructor.constructor(\'alert(1)\')()}}',
  '${alert(1)}',
  '<x onclick=alert(1)>click</x>',
  '"onmouseover="alert(1)',
  '<plaintext><script>alert(1)</script>',
];

/** Authors and text fragments with bidi controls, zero-width characters, emoji and ZWJ sequences. */
export const WEIRD_UNICODE: readonly string[] = [
  'abc\u200Fdef', // RIGHT-TO-LEFT MARK inside
  '\u202Eevil_txt.exe', // RIGHT-TO-LEFT OVERRIDE at the start
  'user\u202Egnp.js', // RLO inside: renders reversed
  'a\u200Bb', // ZERO WIDTH SPACE inside
  'x\uFEFFy', // ZERO WIDTH NO-BREAK SPACE (BOM) inside
  'family 👨\u200D👩\u200D👧\u200D👦 here', // ZWJ family
  'flag 🏳️\u200D🌈 ok', // ZWJ flag with variation selector
  'thumbs 👍🏽 up', // skin-tone modifier
  'مرحبا بالعالم', // Arabic (RTL script)
  'שלום עולם', // Hebrew
  'e\u0301 combining acute', // combining mark
  'Z\u0351\u0352\u0353a\u0354\u0355lgo', // stacked combining marks
  '\uD83D\uDE00 grin', // surrogate pair
  'tab\there', // a tab inside (normalised to a space by the parser)
  '日本語のコメント\u3000です', // ideographic space kept
];

/** A line break character of any kind (the parser splits on all of these). */
export const BREAKS = /[\r\n\u2028\u2029]/;

/** Arbitrary text with the hostile pieces mixed in, including line breaks and lone surrogates. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom(...XSS_VECTORS, ...WEIRD_UNICODE),
  fc.array(fc.oneof(fc.constantFrom(...XSS_VECTORS, ...WEIRD_UNICODE, ' ', '\n', '\u200B', '\u202E'), fc.string({ maxLength: 6 })), { maxLength: 8 })
    .map((parts) => parts.join('')),
);
