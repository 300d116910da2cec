// Which site's on/off setting applies here. A comment frame (disqus.com/embed) belongs to the
// page that embeds it: turning the news site off must also turn its Disqus comments off.

interface LocationLike {
  hostname: string;
  /** Chromium (and Safari): the origins of the frames that contain this one, nearest first */
  ancestorOrigins?: { length: number; [i: number]: string };
}

/** The top page's host for a frame (ancestorOrigins, else the referrer), else our own host. */
export function siteHost(loc: LocationLike, referrer: string, framed: boolean): string {
  if (!framed) return loc.hostname;
  const anc = loc.ancestorOrigins;
  const top = anc && anc.length > 0 ? anc[anc.length - 1] : undefined;
  // Firefox has no ancestorOrigins; the embed is loaded from the page, whose origin its referrer keeps.
  for (const url of [top, referrer]) {
    const h = hostOf(url);
    if (h) return h;
  }
  return loc.hostname;
}

function hostOf(url: string | undefined): string {
  if (!url) return '';
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.hostname : '';
  } catch {
    return '';
  }
}
