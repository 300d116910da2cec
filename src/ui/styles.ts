// CSS for our shadow roots and the one page-level rule. Plain strings, adopted as
// constructable stylesheets (see sheets.ts). Colors pass WCAG AA on their backgrounds.

/** Stance colors, light then dark theme; text always accompanies them (never color alone). */
const PALETTE = `
  :host { --lens-bg:#ffffff; --lens-fg:#1f2328; --lens-muted:#57606a; --lens-border:#d0d7de;
    --lens-btn:#f6f8fa; --lens-focus:#0969da;
    --lens-support:#1a7f37; --lens-oppose:#cf222e; --lens-neutral:#6e7781; --lens-question:#0969da; }
  :host([data-theme="dark"]) { --lens-bg:#161b22; --lens-fg:#e6edf3; --lens-muted:#9da7b3;
    --lens-border:#3d444d; --lens-btn:#21262d; --lens-focus:#58a6ff;
    --lens-support:#3fb950; --lens-oppose:#ff7b72; --lens-neutral:#9da7b3; --lens-question:#79c0ff; }
`;

export const PANEL_CSS = `${PALETTE}
  /* The host's box (all: initial, position, corner) is set inline by panel.ts: a :host rule here
     would lose to page rules aimed at "*" with !important. */
  /* .panel, .pill — the two roots of what we draw: every inherited text property set here, so
     nothing the host might still pass down (letter-spacing, text-transform…) reaches our text */
  .panel, .pill { font: 13px/1.4 system-ui, sans-serif; letter-spacing: normal; word-spacing: normal;
    text-transform: none; text-indent: 0; text-shadow: none; white-space: normal; font-style: normal;
    font-variant: normal; visibility: visible; direction: ltr; color: var(--lens-fg); }
  /* .panel — the whole summary card */
  .panel { box-sizing: border-box; width: 300px; max-height: 80vh; overflow: auto; padding: 10px 12px;
    background: var(--lens-bg); color: var(--lens-fg); border: 1px solid var(--lens-border);
    border-radius: 8px; box-shadow: 0 4px 16px rgba(0,0,0,.2); }
  .panel[hidden], .pill[hidden], [hidden] { display: none !important; }
  header { display: flex; align-items: center; gap: 6px; margin-bottom: 6px; }
  h2 { font-size: 14px; margin: 0; flex: 1; }
  p { margin: 4px 0; }
  button { font: inherit; color: var(--lens-fg); background: var(--lens-btn); cursor: pointer;
    border: 1px solid var(--lens-border); border-radius: 6px; padding: 3px 8px; }
  button:focus-visible { outline: 2px solid var(--lens-focus); outline-offset: 1px; }
  .icon { padding: 0 7px; min-width: 26px; }
  .muted, .status { color: var(--lens-muted); }
  /* .bar — the stacked stance chart; segments get their width from a style property */
  .bar { display: flex; height: 10px; border-radius: 5px; overflow: hidden; margin: 8px 0;
    background: var(--lens-border); }
  .seg { height: 100%; min-width: 2px; }
  .chips { display: flex; flex-wrap: wrap; gap: 4px; margin: 6px 0; }
  .chip[aria-pressed="true"] { border-color: var(--lens-fg); box-shadow: inset 0 0 0 1px var(--lens-fg); }
  .dot { display: inline-block; width: 8px; height: 8px; border-radius: 50%; margin-right: 4px; }
  .support { background: var(--lens-support); } .oppose { background: var(--lens-oppose); }
  .neutral { background: var(--lens-neutral); } .question { background: var(--lens-question); }
  .actions { display: flex; gap: 6px; margin: 6px 0; }
  h3 { font-size: 12px; margin: 8px 0 2px; color: var(--lens-muted); font-weight: 600; }
  ol { margin: 0; padding-left: 20px; }
  .help dl { display: grid; grid-template-columns: auto 1fr; gap: 2px 8px; margin: 4px 0; }
  .help dt { font-weight: 600; } .help dd { margin: 0; }
  .pill { border-radius: 999px; padding: 6px 12px; background: var(--lens-bg);
    box-shadow: 0 2px 8px rgba(0,0,0,.25); }
  /* .gist — "What each side says" (gist-view.ts): a disclosure under the counts */
  .gist { margin: 6px 0; border-top: 1px solid var(--lens-border); padding-top: 4px; }
  .gist .gist-title { font-size: inherit; margin: 0; }
  .gist .gist-toggle { font-weight: 600; padding: 2px 0; border: 0; background: none; width: 100%;
    text-align: start; border-radius: 0; }
  .gist .gist-toggle::before { content: "\\25B8\\00A0"; }
  .gist .gist-toggle[aria-expanded="true"]::before { content: "\\25BE\\00A0"; }
  /* h4 — one stance's heading inside the gist, with its colour dot */
  .gist h4 { font-size: 12px; margin: 6px 0 2px; display: flex; align-items: center; }
  /* .phrases — the distinctive phrases of a stance, as small buttons that wrap */
  .phrases { display: flex; flex-wrap: wrap; gap: 4px; margin: 2px 0 4px; }
  .phrase { padding: 0 6px; border-radius: 999px; font-size: 12px; }
  /* .reps — the representative comments: one full-width button each, author then excerpt */
  .reps { list-style: none; margin: 0; padding: 0; }
  .reps li { margin: 2px 0; }
  .ref { display: block; width: 100%; text-align: start; font-size: 12px; line-height: 1.35; padding: 3px 6px;
    white-space: normal; overflow-wrap: anywhere; }
  .most { margin-top: 6px; }
`;

export const TAG_CSS = `${PALETTE}
  /* :host — the anchor at the top of one page comment. Its box (height 0 while expanded, margins
     when collapsed) is set inline by tag.ts, where page rules aimed at it cannot win. */
  :host { all: initial; display: block; font: 12px/1.5 system-ui, sans-serif; color: var(--lens-fg); }
  [hidden] { display: none !important; }
  .row { color: var(--lens-fg); display: flex; flex-wrap: wrap; align-items: center; gap: 6px; }
  /* .row.float — the expanded badge: over the comment's top inline-end corner (where bylines leave
     room), on a solid pill, out of the page's flow so that it never moves the page's text. z-index 1:
     above the comment's own content, below a site's sticky header or menus. */
  .row.float { position: absolute; top: 0; inset-inline-end: 0; z-index: 1; flex-wrap: nowrap; gap: 4px;
    padding: 2px; border-radius: 999px; background: var(--lens-bg); box-shadow: 0 1px 3px rgba(0,0,0,.25); }
  .row.float.up { z-index: 2147483645; }
  button { font: inherit; color: var(--lens-fg); background: var(--lens-btn); cursor: pointer;
    border: 1px solid var(--lens-border); border-radius: 999px; padding: 0 8px; line-height: 18px; white-space: nowrap; }
  button:focus-visible { outline: 2px solid var(--lens-focus); outline-offset: 1px; }
  .badge { display: inline-flex; align-items: center; gap: 4px; }
  .dot { display: inline-block; width: 8px; height: 8px; border-radius: 50%; }
  .support { background: var(--lens-support); } .oppose { background: var(--lens-oppose); }
  .neutral { background: var(--lens-neutral); } .question { background: var(--lens-question); }
  .unsure { color: var(--lens-muted); font-style: italic; }
  .stub { color: var(--lens-muted); }
  /* .details — confidence and cues, shown on hover or focus of the badge, or when opened: below the
     row, aligned to its inline-end edge, floating over the comment so that peeking moves nothing.
     Each line takes its direction from its text (cues quote the comment, which may be RTL). */
  .details { display: none; position: absolute; inset-inline-end: 0; top: 100%; z-index: 2147483645; margin-top: 2px;
    min-width: 240px; max-width: min(440px, 90vw); padding: 6px 10px; border: 1px solid var(--lens-border);
    border-radius: 6px; box-shadow: 0 4px 12px rgba(0,0,0,.18); color: var(--lens-fg); background: var(--lens-bg);
    text-align: start; white-space: normal; }
  .details div, .details li { unicode-bidi: plaintext; }
  .details.peek, .details.open { display: block; }
  ul { margin: 2px 0 0; padding-inline-start: 16px; }
`;

/**
 * The page-level rules. A collapsed comment stays in the DOM: with our tag inside, every other
 * child is hidden except those holding its nested replies (data-lens-keep); with our tag before
 * it (table rows, bare text), the comment itself is.
 */
export const PAGE_CSS = `
  [data-lens-collapsed="true"][data-lens-place="inside"] > :not([data-lens-own], [data-lens-keep]) { display: none !important; }
  [data-lens-collapsed="true"][data-lens-place="before"] { display: none !important; }
  [data-lens-current="true"] { outline: 2px solid #0969da !important; outline-offset: 2px; }
`;
