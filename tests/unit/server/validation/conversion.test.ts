import { validateConversion } from '../../../../server/src/validation/conversion';
import { refusedPaths } from '../../../helpers/refused-paths';

const policy = { minPasswordLength: 10 };
const customer = { firstName: 'Ada', email: 'ada@example.com' };

describe('a conversion body (POST /crm/leads/:id/convert)', () => {
  it('names every bad field at once: the schema and the portal login together', async () => {
    expect(
      await refusedPaths(
        validateConversion(
          {
            customer,
            login: { enabled: true, password: 'short' },
            followUpTask: { title: '' },
            customFields: [
              { slug: 'mobile', merge: 'custom' },
              { slug: 'mobile', merge: 'skip' },
            ],
          },
          policy
        )
      )
    ).toEqual(['customFields.1.slug', 'followUpTask.title', 'login.password']);
  });

  it('refuses a password equal to the email, whatever its case', async () => {
    expect(
      await refusedPaths(
        validateConversion(
          {
            customer: { ...customer, email: 'ada.lovelace@example.com' },
            login: { enabled: true, password: 'ADA.LOVELACE@example.com' },
          },
          policy
        )
      )
    ).toEqual(['login.password']);
  });

  it('asks for an email only when a login is wanted, and takes a well-formed body', async () => {
    expect(
      await refusedPaths(
        validateConversion({ customer: { firstName: 'Ada' }, login: { enabled: true } }, policy)
      )
    ).toEqual(['customer.email']);
    const input = await validateConversion({ customer: { firstName: 'Ada' } }, policy);
    expect(input).toMatchObject({ transferNotes: false, login: { enabled: false, sendWelcomeEmail: true } });
  });
});
