import { compatibleTargets, type ConversionPrefill } from '../../../../server/src/contracts';

export { compatibleTargets };

/**
 * The customer fields a custom field's value may go into, the most sensible first: the
 * contract's rule (`fitTarget`), which the server applies to the conversion as well.
 */
export const targetsFor = (
  prefill: Pick<ConversionPrefill, 'targets'>,
  field: Pick<ConversionPrefill['customFields'][number], 'value' | 'type'>
) => compatibleTargets(prefill.targets, field.value, field.type);

/** A custom-field value as one line of text. */
export const displayValue = (value: unknown): string => {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'boolean') return value ? '✓' : '✗';
  return String(value);
};
