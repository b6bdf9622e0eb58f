/**
 * The Java adapter: tree-sitter parses of .java files -> imports, extends/implements, Spring
 * stereotypes and entry points, JPA entities and Spring Data repositories, SQL in annotations.
 */
import type { LanguageAdapter } from '../language-adapter.js';
import { collectJava, JAVA_TEST_PATH } from './collect-java.js';

export const javaAdapter: LanguageAdapter = {
  name: 'java',
  claims: (path) => path.endsWith('.java'),
  isTest: (path) => path.endsWith('.java') && JAVA_TEST_PATH.test(path),
  async collect(_root, listing, options, onProgress) {
    const { classes, orm, ...facts } = await collectJava(listing, options);
    onProgress({ stage: 'java', done: facts.files.length, total: facts.files.length });
    return { ...facts, db: { texts: new Map(), dependencies: new Set(), orm, classes } };
  },
};
