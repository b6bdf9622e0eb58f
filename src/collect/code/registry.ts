/**
 * The language adapters, in the order they run: a new language is one folder plus one line here.
 */
import { javaAdapter } from './java/java-adapter.js';
import type { LanguageAdapter } from './language-adapter.js';
import { typescriptAdapter } from './typescript/typescript-adapter.js';

export const LANGUAGE_ADAPTERS: readonly LanguageAdapter[] = [typescriptAdapter, javaAdapter];
