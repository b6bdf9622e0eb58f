/**
 * The framework detectors, in the order they are asked (the first finding with a role decides the
 * role; every detector may add an entry point): a new framework is one file in frameworks/ plus one
 * line here. Names and folders (path-rules.ts) decide what no framework claims.
 */
import type { FrameworkDetector } from './file-view.js';
import { fileConventionDetector } from './frameworks/file-conventions.js';
import { routeDetector } from './frameworks/route-registration.js';
import { springDetector } from './frameworks/spring.js';
import { decoratorDetector } from './frameworks/typescript-decorators.js';

export const FRAMEWORK_DETECTORS: readonly FrameworkDetector[] = [springDetector, decoratorDetector, fileConventionDetector, routeDetector];
