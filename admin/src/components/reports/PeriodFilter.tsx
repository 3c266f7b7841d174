import { Button, Field, Flex, SingleSelect, SingleSelectOption, TextInput } from '@strapi/design-system';
import { useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import {
  REPORT_DEFAULT_DAYS,
  REPORT_INTERVALS,
  type LeadReportQuery,
  type ReportInterval,
} from '../../../../server/src/contracts';
import { getTranslation } from '../../utils/getTranslation';

export type Period = Required<LeadReportQuery>;

const DAY = 86_400_000;

/** The server's default period: the last 30 days up to today (UTC), by day. */
export const defaultPeriod = (now = new Date()): Period => ({
  from: new Date(now.getTime() - (REPORT_DEFAULT_DAYS - 1) * DAY).toISOString().slice(0, 10),
  to: now.toISOString().slice(0, 10),
  interval: 'day',
});

/** The report's period: from, to and the interval; applied on submit. */
export const PeriodFilter = ({ value, onChange }: { value: Period; onChange: (period: Period) => void }) => {
  const { formatMessage } = useIntl();
  const t = (key: string, defaultMessage: string) =>
    formatMessage({ id: getTranslation(`reports.${key}`), defaultMessage });
  const [draft, setDraft] = useState(value);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onChange(draft);
  };
  const intervals: Record<ReportInterval, string> = {
    day: t('interval.day', 'By day'),
    week: t('interval.week', 'By week'),
    month: t('interval.month', 'By month'),
  };
  return (
    <form onSubmit={submit} aria-label={t('period', 'Period')}>
      <Flex gap={4} alignItems="flex-end" wrap="wrap">
        <Field.Root name="from">
          <Field.Label>{t('from', 'From')}</Field.Label>
          <TextInput
            type="date"
            value={draft.from}
            onChange={(e) => setDraft({ ...draft, from: e.target.value })}
          />
        </Field.Root>
        <Field.Root name="to">
          <Field.Label>{t('to', 'To')}</Field.Label>
          <TextInput
            type="date"
            value={draft.to}
            onChange={(e) => setDraft({ ...draft, to: e.target.value })}
          />
        </Field.Root>
        <Field.Root name="interval">
          <Field.Label>{t('interval', 'Interval')}</Field.Label>
          <SingleSelect
            value={draft.interval}
            onChange={(interval) => setDraft({ ...draft, interval: interval as ReportInterval })}
          >
            {REPORT_INTERVALS.map((interval) => (
              <SingleSelectOption key={interval} value={interval}>
                {intervals[interval]}
              </SingleSelectOption>
            ))}
          </SingleSelect>
        </Field.Root>
        <Button type="submit" variant="secondary" size="L">
          {t('apply', 'Apply')}
        </Button>
      </Flex>
    </form>
  );
};
