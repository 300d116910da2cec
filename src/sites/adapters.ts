// The platform adapters in registry order: the first whose markup is present wins, so specific
// markup comes before looser markup (Stack Exchange's li.comment before WordPress's, plugins
// before the core markup they replace). generic.ts is not listed: it is always last.
import type { SiteAdapter } from './types';
import { bbc } from './bbc';
import { blogger } from './blogger';
import { coral } from './coral';
import { discourse } from './discourse';
import { disqus } from './disqus';
import { drupal } from './drupal';
import { facebook } from './facebook';
import { hackerNews } from './hacker-news';
import { intenseDebate } from './intense-debate';
import { japanToday } from './japan-today';
import { kinja } from './kinja';
import { linkedin } from './linkedin';
import { livefyre } from './livefyre';
import { openWeb } from './openweb';
import { pixnet } from './pixnet';
import { oldReddit, redditRedesign, shreddit } from './reddit';
import { stackExchange } from './stack-exchange';
import { typepad } from './typepad';
import { viafoura } from './viafoura';
import { epoch, wordpress, wpdiscuz } from './wordpress';
import { xenforo } from './xenforo';

export const ADAPTERS: readonly SiteAdapter[] = [
  // platforms with unmistakable markup
  hackerNews, stackExchange, shreddit, redditRedesign, oldReddit, disqus, discourse, kinja, linkedin,
  pixnet, xenforo, japanToday, blogger, typepad,
  // embedded comment services (often shadow DOM or light-DOM targets)
  coral, openWeb, viafoura, intenseDebate, livefyre,
  // CMS markup: plugins first, then core
  epoch, wpdiscuz, drupal, wordpress,
  // widget-only services: a target or count, never readable comments
  facebook, bbc,
];
