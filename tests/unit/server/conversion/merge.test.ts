import type { CustomFieldDefinition } from '../../../../server/src/services/custom-fields';
import { planMerges, suggestedTarget } from '../../../../server/src/services/conversion/merge';

const def = (slug: string, type: CustomFieldDefinition['type'], name = slug): CustomFieldDefinition => ({
  id: 1,
  documentId: slug,
  name,
  slug,
  target: 'lead',
  type,
  options: null,
  required: false,
  active: true,
  personal: false,
  webForm: false,
});

describe('planMerges', () => {
  const definitions = [
    def('budget', 'number'),
    def('mobile', 'text'),
    def('site', 'url'),
    def('size', 'number'),
  ];
  const values = { budget: 10, mobile: '+33 6', site: 'https://x.example', size: 40 };

  it('follows each instruction and merges unlisted fields as custom fields', () => {
    const { plan, errors } = planMerges(definitions, values, [
      { slug: 'mobile', merge: 'database', target: 'phone' },
      { slug: 'size', merge: 'skip' },
    ]);
    expect(errors).toEqual([]);
    expect(plan.database).toEqual([{ target: 'phone', value: '+33 6', slug: 'mobile' }]);
    expect(plan.custom.map((c) => c.def.slug).sort()).toEqual(['budget', 'site']);
  });

  it('names each instruction that cannot be followed', () => {
    const { errors } = planMerges(definitions, values, [
      { slug: 'nope', merge: 'custom' },
      { slug: 'budget', merge: 'database', target: 'email' },
      { slug: 'size', merge: 'database', target: 'lastName' },
    ]);
    expect(errors.map((e) => e.path)).toEqual([
      ['customFields', '0', 'slug'],
      ['customFields', '1', 'target'],
      ['customFields', '2', 'target'],
    ]);
  });

  it('carries no empty value over', () => {
    const { plan } = planMerges(definitions, { budget: null, mobile: '' }, []);
    expect(plan).toEqual({ custom: [], database: [] });
  });
});

describe('suggestedTarget', () => {
  it('suggests the standard field named like the custom field when the value fits', () => {
    expect(suggestedTarget(def('website', 'url'), 'https://x.example')).toBe('website');
    expect(suggestedTarget(def('phone-number', 'text', 'Phone'), '+33 6 12')).toBe('phone');
    expect(suggestedTarget(def('email', 'text'), 'not-an-email')).toBeUndefined();
    expect(suggestedTarget(def('budget', 'number'), 10)).toBeUndefined();
  });
});
