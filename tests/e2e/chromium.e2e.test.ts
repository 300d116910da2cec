// End-to-end in Debian's Chromium with the built extension (dist/chromium).
import { defineE2eSuite } from './helpers/suite';

defineE2eSuite('chromium');
