// End-to-end in Debian's Firefox ESR with the built extension (dist/firefox), as a temporary add-on.
import { defineE2eSuite } from './helpers/suite';

defineE2eSuite('firefox');
