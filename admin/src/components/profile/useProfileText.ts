import { useCallback } from 'react';
import { useIntl } from 'react-intl';
import { getTranslation } from '../../utils/getTranslation';

export type Translate = (
  key: string,
  defaultMessage: string,
  values?: Record<string, string | number>
) => string;

/** `t(key, English)` for one area of the profile: ids `crm.profile.<area>.<key>`. */
export const useProfileText = (area: string): Translate => {
  const { formatMessage } = useIntl();
  return useCallback(
    (key, defaultMessage, values) =>
      formatMessage({ id: getTranslation(`profile.${area}.${key}`), defaultMessage }, values),
    [formatMessage, area]
  );
};
