/**
 * Where tests and sample data live, by path: test sources (left out of the analysis unless asked for)
 * and fixture, seed and test-data folders (whose schema is not the product's).
 */
import picomatch from 'picomatch';

export const TEST_GLOBS = ['**/*.{test,spec}.*', '**/__tests__/**', '**/__mocks__/**', '**/test/**', '**/tests/**', '**/e2e/**'];

const SAMPLE_DATA_GLOBS = [...TEST_GLOBS, '**/fixtures/**', '**/__fixtures__/**', '**/testdata/**', '**/test-data/**', '**/seeds/**', '**/seeders/**', '**/seed/**'];

export const isTestPath = picomatch(TEST_GLOBS, { dot: true });

/** Tests, fixtures and seed data: a table declared only there is not a table of the product. */
export const isTestOrSampleDataPath = picomatch(SAMPLE_DATA_GLOBS, { dot: true });
