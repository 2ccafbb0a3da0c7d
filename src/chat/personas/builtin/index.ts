import type { Persona } from '../persona';
import { productOwner } from './product-owner';
import { valueRealization } from './value-realization';

/** The personas that ship with Outcome Lens, in the order pickers show them. */
export const BUILTIN_PERSONAS: readonly Persona[] = [valueRealization, productOwner];
