import type { ConversionPrefill } from '../../api/conversion';

type Target = ConversionPrefill['targets'][number];

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const URL = /^https?:\/\/[^\s]+$/i;
const SHORT = 255;
const LONG = 10000;

/**
 * The standard customer fields this value fits, as the server checks it: emails into email
 * fields, web addresses into website, text short enough for the field.
 */
export const compatibleTargets = (targets: Target[], value: unknown): Target[] => {
  const text = typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
  if (typeof text !== 'string' || text === '') return [];
  return targets.filter(({ type }) => {
    if (type === 'email') return EMAIL.test(text) && text.length <= SHORT;
    if (type === 'url') return URL.test(text);
    return text.length <= (type === 'textarea' ? LONG : SHORT);
  });
};

/** A custom-field value as one line of text. */
export const displayValue = (value: unknown): string => {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'boolean') return value ? '✓' : '✗';
  return String(value);
};
