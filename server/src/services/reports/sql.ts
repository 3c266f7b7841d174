import type { Core } from '@strapi/strapi';
import type { ReportInterval } from '../../contracts';

type Knex = Core.Strapi['db']['connection'];
/** A knex query builder (a subquery or the query being built). */
export type Builder = ReturnType<Knex>;

/**
 * SQL turning a datetime column into the first day of its interval, as `YYYY-MM-DD` (UTC).
 * Each database stores and truncates dates its own way: SQLite keeps Strapi's datetimes as epoch
 * milliseconds (text when written by hand), PostgreSQL has `date_trunc` (weeks start on Monday,
 * ISO), MySQL/MariaDB formats with `DATE_FORMAT` and finds the Monday with `WEEKDAY`.
 */
export const bucketSql = (client: string, interval: ReportInterval, column: string): string => {
  if (client === 'postgres') return `to_char(date_trunc('${interval}', ${column}), 'YYYY-MM-DD')`;
  if (client === 'mysql') {
    if (interval === 'day') return `DATE_FORMAT(${column}, '%Y-%m-%d')`;
    if (interval === 'month') return `DATE_FORMAT(${column}, '%Y-%m-01')`;
    return `DATE_FORMAT(DATE_SUB(${column}, INTERVAL WEEKDAY(${column}) DAY), '%Y-%m-%d')`;
  }
  const utc = `(CASE WHEN typeof(${column}) IN ('integer', 'real') THEN datetime(${column} / 1000, 'unixepoch') ELSE datetime(${column}) END)`;
  if (interval === 'day') return `strftime('%Y-%m-%d', ${utc})`;
  if (interval === 'month') return `strftime('%Y-%m-01', ${utc})`;
  // the Sunday that ends the week (the day itself on a Sunday), then back to its Monday
  return `date(${utc}, 'weekday 0', '-6 days')`;
};

/** Every interval start from `start` to before `end`, as `bucketSql` names them. */
export const periods = (interval: ReportInterval, start: Date, end: Date): string[] => {
  const first = new Date(start);
  if (interval === 'week') first.setUTCDate(first.getUTCDate() - ((first.getUTCDay() + 6) % 7));
  if (interval === 'month') first.setUTCDate(1);
  const out: string[] = [];
  for (const at = first; at < end;) {
    out.push(at.toISOString().slice(0, 10));
    if (interval === 'day') at.setUTCDate(at.getUTCDate() + 1);
    else if (interval === 'week') at.setUTCDate(at.getUTCDate() + 7);
    else at.setUTCMonth(at.getUTCMonth() + 1);
  }
  return out;
};

interface JoinTable {
  name: string;
  joinColumn: { name: string };
  inverseJoinColumn: { name: string };
}

/** Table and column names of a content type, from Strapi's metadata (they differ by config). */
export const tableOf = (strapi: Core.Strapi, uid: string) => {
  const meta = strapi.db.metadata.get(uid);
  const attributes = meta.attributes as Record<string, { columnName?: string; joinTable?: JoinTable }>;
  return {
    name: meta.tableName,
    column: (attribute: string) => attributes[attribute].columnName ?? attribute,
    /** The link table of a relation: its name, the column of this side, the column of the target. */
    link: (attribute: string) => {
      const { joinTable } = attributes[attribute];
      return {
        name: joinTable!.name,
        own: joinTable!.joinColumn.name,
        target: joinTable!.inverseJoinColumn.name,
      };
    },
  };
};

/** A count or a sum as a number, whatever the driver answers (PostgreSQL: text for bigint). */
export const num = (value: unknown) => (value === null || value === undefined ? 0 : Number(value));
