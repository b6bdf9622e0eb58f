import type { Side } from './types.js';

/** A browser module and a server module: never in one context (units, classify/assign-units.ts). */
export function acrossTheWire(a: Side | undefined, b: Side | undefined): boolean {
  return (a === 'browser' && b === 'server') || (a === 'server' && b === 'browser');
}
