// Names both ends must spell alike, with no imports of their own: the every-page detector chunk
// (content/index.ts) imports from here too, so this file must stay tiny.

/** The labelling port's name (content script -> background, runtime.connect). */
export const LABEL_PORT = 'lens:label';

/** Marks every node we insert (tags, wrappers, the panel host): observers and readers skip it. */
export const OWN_ATTR = 'data-lens-own';

/** The settings' key in storage.local (options/schema.ts validates what is stored there). */
export const SETTINGS_KEY = 'settings';

/** The refining port's name (content script -> background, runtime.connect): the refined pass. */
export const REFINE_PORT = 'lens:refine';

/** Chromium: the offscreen document's port to the background (it hosts the encoder's worker). */
export const REFINE_HOST_PORT = 'lens:refine-host';
