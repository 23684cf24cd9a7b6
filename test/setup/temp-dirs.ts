import { afterAll } from 'vitest';
import { removeTempDirs } from '../support/temp-dir';

// Every test file's temporary folders go when the file ends (test/support/temp-dir.ts).
afterAll(removeTempDirs);
