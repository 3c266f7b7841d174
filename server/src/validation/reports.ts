import {
  MY_WORK_DEFAULT_LIMIT,
  MY_WORK_MAX_LIMIT,
  REPORT_DEFAULT_DAYS,
  REPORT_INTERVALS,
  REPORT_MAX_DAYS,
  type ReportInterval,
} from '../contracts';
import { validationError, type FieldError } from '../errors';

const DAY_MS = 86_400_000;

export interface ReportPeriod {
  from: string;
  to: string;
  interval: ReportInterval;
  /** `from` at 00:00 UTC, and the day after `to` at 00:00 UTC (excluded). */
  start: Date;
  end: Date;
}

/** A calendar day that exists, as `YYYY-MM-DD` → its midnight UTC; anything else → null. */
const day = (value: unknown): Date | null => {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const date = new Date(`${value}T00:00:00.000Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value ? null : date;
};

const unknownParams = (query: Record<string, unknown>, known: string[]): FieldError[] =>
  Object.keys(query)
    .filter((key) => !known.includes(key))
    .map((key) => ({ path: [key], message: 'is not a parameter of this route' }));

/** The query of GET /crm/reports/leads → the period, or a 400 naming every bad parameter. */
export const validateReportQuery = (query: Record<string, unknown>, today = new Date()): ReportPeriod => {
  const errors = unknownParams(query, ['from', 'to', 'interval']);
  const { interval = 'day' } = query;
  if (!REPORT_INTERVALS.includes(interval as ReportInterval)) {
    errors.push({ path: ['interval'], message: `must be one of ${REPORT_INTERVALS.join(', ')}` });
  }
  const todayUtc = new Date(today.toISOString().slice(0, 10) + 'T00:00:00.000Z');
  const end = query.to === undefined ? todayUtc : day(query.to);
  const start =
    query.from === undefined
      ? end && new Date(end.getTime() - (REPORT_DEFAULT_DAYS - 1) * DAY_MS)
      : day(query.from);
  if (!end) errors.push({ path: ['to'], message: 'must be a date (YYYY-MM-DD)' });
  if (!start) errors.push({ path: ['from'], message: 'must be a date (YYYY-MM-DD)' });
  if (start && end && start > end) errors.push({ path: ['from'], message: 'must not be after to' });
  if (!errors.length && start && end) {
    const days = (end.getTime() - start.getTime()) / DAY_MS + 1;
    const max = REPORT_MAX_DAYS[interval as ReportInterval];
    if (days > max) {
      errors.push({
        path: ['to'],
        message: `the period is ${days} days long: a report by ${interval} covers at most ${max} days`,
      });
    }
  }
  if (errors.length || !start || !end) throw validationError(errors);
  return {
    from: start.toISOString().slice(0, 10),
    to: end.toISOString().slice(0, 10),
    interval: interval as ReportInterval,
    start,
    end: new Date(end.getTime() + DAY_MS),
  };
};

/** The query of GET /crm/my-work → how many items, or a 400. */
export const validateMyWorkQuery = (query: Record<string, unknown>) => {
  const errors = unknownParams(query, ['limit']);
  let limit = MY_WORK_DEFAULT_LIMIT;
  if (query.limit !== undefined) {
    limit = typeof query.limit === 'string' && /^\d{1,4}$/.test(query.limit) ? Number(query.limit) : NaN;
    if (!(limit >= 1 && limit <= MY_WORK_MAX_LIMIT)) {
      errors.push({ path: ['limit'], message: `must be a whole number from 1 to ${MY_WORK_MAX_LIMIT}` });
    }
  }
  if (errors.length) throw validationError(errors);
  return { limit };
};
