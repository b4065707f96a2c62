import { writeHostileFolder } from '../fixtures/hostile/write-folder.ts';

// Used by the e2e "hostile" web server: writes the adversarial seed set into the folder given.
const dir = process.argv[2];
if (!dir) throw new Error('usage: tsx tests/e2e/prepare-hostile.ts DIR');
writeHostileFolder(dir);
