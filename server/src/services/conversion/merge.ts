import { fitTarget } from '../../contracts/conversion';
import type { FieldError } from '../../errors';
import { CUSTOMER_TARGETS, type CustomerTarget, type MergeInstruction } from '../../validation/conversion';
import type { CustomFieldDefinition } from '../custom-fields';
import { isEmptyValue } from '../../utils/values';

export interface PlannedMerges {
  /** Values copied into customer custom fields of the same slug (definition created when missing). */
  custom: { def: CustomFieldDefinition; value: unknown }[];
  /** Values written into standard customer fields. */
  database: { target: CustomerTarget; value: string; slug: string }[];
}

/**
 * A database target whose name matches the field (slug "phone", name "Website", ...) and fits its
 * value: whether a value fits a customer field is the contract's rule (`fitTarget`), as in the dialog.
 */
export const suggestedTarget = (def: CustomFieldDefinition, value: unknown): CustomerTarget | undefined => {
  const normalize = (s: string) => s.toLowerCase().replace(/[^a-z]/g, '');
  const target = (Object.keys(CUSTOMER_TARGETS) as CustomerTarget[]).find(
    (t) => normalize(t) === normalize(def.slug) || normalize(t) === normalize(def.name)
  );
  return target && fitTarget(target, value, def.type) !== undefined ? target : undefined;
};

/**
 * Decides where each lead custom-field value goes. Listed fields follow their instruction;
 * the others are merged as custom fields (SPEC §6). Empty values are not carried over.
 */
export const planMerges = (
  definitions: CustomFieldDefinition[],
  values: Record<string, unknown>,
  instructions: MergeInstruction[]
): { plan: PlannedMerges; errors: FieldError[] } => {
  const bySlug = new Map(definitions.map((d) => [d.slug, d]));
  const plan: PlannedMerges = { custom: [], database: [] };
  const errors: FieldError[] = [];
  const listed = new Set<string>();

  instructions.forEach(({ slug, merge, target }, i) => {
    listed.add(slug);
    const def = bySlug.get(slug);
    if (!def) {
      errors.push({ path: ['customFields', String(i), 'slug'], message: 'is not a custom field of leads' });
      return;
    }
    const value = values[slug];
    if (merge === 'skip' || isEmptyValue(value)) return;
    if (merge === 'custom') {
      plan.custom.push({ def, value });
      return;
    }
    const fitted = fitTarget(target!, value, def.type);
    if (fitted === undefined) {
      errors.push({
        path: ['customFields', String(i), 'target'],
        message: `cannot receive the value of "${def.name}" (${CUSTOMER_TARGETS[target!]} expected)`,
      });
      return;
    }
    plan.database.push({ target: target!, value: fitted, slug });
  });

  for (const def of definitions) {
    if (!listed.has(def.slug) && !isEmptyValue(values[def.slug]))
      plan.custom.push({ def, value: values[def.slug] });
  }
  return { plan, errors };
};
