/**
 * Provider files by slug. A provider whose spec is in generated/ but has no entry here is still served,
 * with the default shapes (providers/default.ts).
 */
import bancoCdc from './banco-cdc.js';
import defaultProfile from './default.js';
import eccorFgts from './eccor-fgts.js';
import nossaFintechInss from './nossa-fintech-inss.js';
import type { ProfileFactory } from './types.js';
import zemo from './zemo.js';

const profiles: Readonly<Record<string, ProfileFactory>> = {
  'banco-cdc': bancoCdc,
  'eccor-fgts': eccorFgts,
  'nossa-fintech-inss': nossaFintechInss,
  zemo,
};

export function profileFor(slug: string): ProfileFactory {
  return profiles[slug] ?? defaultProfile;
}
