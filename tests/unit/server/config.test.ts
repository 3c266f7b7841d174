import config from '../../../server/src/config';

const valid = { ...config.default, password: { ...config.default.password } };

describe('plugin config validator', () => {
  it('accepts the defaults', () => {
    expect(() => config.validator(valid)).not.toThrow();
    expect(config.default).toMatchObject({
      currency: 'USD',
      lockConvertedLeads: true,
      password: { minLength: 10 },
    });
  });

  it.each([
    ['a currency that is not an ISO code', { currency: 'euro' }, /currency/],
    ['a non-boolean lock flag', { lockConvertedLeads: 'yes' }, /lockConvertedLeads/],
    ['a password shorter than 8', { password: { minLength: 6 } }, /password.minLength/],
    [
      'the email among the portal-editable fields',
      { portal: { ...config.default.portal, editableFields: ['phone', 'email'] } },
      /editableFields .*never the email/,
    ],
    [
      'an unknown portal-editable field',
      { portal: { ...config.default.portal, editableFields: ['password'] } },
      /editableFields/,
    ],
  ])('rejects %s', (_label, override, message) => {
    expect(() => config.validator({ ...valid, ...override } as typeof valid)).toThrow(message);
  });
});
