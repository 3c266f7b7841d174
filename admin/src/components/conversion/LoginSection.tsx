import { Box, Checkbox, Field, Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { getTranslation } from '../../utils/getTranslation';
import type { DraftControls } from './useConversionDraft';

interface Props {
  controls: DraftControls;
  errors: Record<string, string>;
  minPasswordLength: number;
}

/** The customer portal login: off by default; a password, or a welcome email with a set-password link. */
export const LoginSection = ({ controls, errors, minPasswordLength }: Props) => {
  const { formatMessage } = useIntl();
  const t = (key: string, defaultMessage: string, values?: Record<string, number>) =>
    formatMessage({ id: getTranslation(`conversion.login.${key}`), defaultMessage }, values);
  const { login } = controls.draft;
  return (
    <Box>
      <Typography variant="delta" tag="h3">
        {t('title', 'Customer portal')}
      </Typography>
      <Flex direction="column" alignItems="stretch" gap={3} paddingTop={3}>
        <Checkbox
          checked={login.enabled}
          onCheckedChange={(checked) => controls.setLogin({ enabled: !!checked })}
        >
          {t('enabled', 'Create a portal login for this customer')}
        </Checkbox>
        {errors['login.enabled'] && <Typography textColor="danger600">{errors['login.enabled']}</Typography>}
        {login.enabled && (
          <>
            <Field.Root
              name="login.password"
              error={errors['login.password']}
              hint={t(
                'passwordHint',
                'At least {min} characters, not the email address. Leave empty to let the customer choose one from the welcome email.',
                { min: minPasswordLength }
              )}
            >
              <Field.Label>{t('password', 'Password')}</Field.Label>
              <Field.Input
                type="password"
                autoComplete="new-password"
                value={login.password}
                onChange={(e: React.ChangeEvent<HTMLInputElement>) =>
                  controls.setLogin({ password: e.target.value })
                }
              />
              <Field.Hint />
              <Field.Error />
            </Field.Root>
            <Checkbox
              checked={login.sendWelcomeEmail}
              onCheckedChange={(checked) => controls.setLogin({ sendWelcomeEmail: !!checked })}
            >
              {t('welcome', 'Send a welcome email')}
            </Checkbox>
          </>
        )}
      </Flex>
    </Box>
  );
};
