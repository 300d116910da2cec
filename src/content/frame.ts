// Entry for comment frames (the Disqus embed). The same script as index.ts, under its own name:
// @crxjs/vite-plugin 3.0.0 merges web_accessible_resources per entry file, so one file listed
// in two content_scripts entries kept only the last entry's matches (the page-wide one broke).
import './index';
