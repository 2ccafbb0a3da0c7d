// A value per section of one lint's model, made once. Sections are made afresh on every lint, so
// a WeakMap keyed by section gained an entry per section per lint, and entries of weak maps are
// costly for the garbage collector to trace; one array per model, by section index, is not.
import type { DocumentModel, Section } from '../types';

/** `compute(section)`, made once per section of a model. */
export function perSection<T>(compute: (model: DocumentModel, section: Section) => T): (model: DocumentModel, section: Section) => T {
  const byModel = new WeakMap<DocumentModel, Array<T | undefined>>();
  return (model, section) => {
    let values = byModel.get(model);
    if (!values) byModel.set(model, (values = new Array<T | undefined>(model.sections.length)));
    let value = values[section.index];
    if (value === undefined) values[section.index] = value = compute(model, section);
    return value;
  };
}
