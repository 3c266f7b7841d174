export { compatibleTargets } from '../../../../server/src/contracts';

/** A custom-field value as one line of text. */
export const displayValue = (value: unknown): string => {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'boolean') return value ? '✓' : '✗';
  return String(value);
};
