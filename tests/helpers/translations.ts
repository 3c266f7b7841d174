import fs from 'fs';
import path from 'path';

export const EN_FILE = path.resolve(__dirname, '../../admin/src/translations/en.json');

/** Message ids the rendered components asked for that en.json lacks, with their English default. */
export const missingTranslations = new Map<string, string>();

interface IntlErrorLike {
  code?: string;
  descriptor?: { id?: string; defaultMessage?: unknown };
}

/** Ids the admin panel itself asks for (its error handler, its auth provider's logout dialog, its homepage widgets' states). */
const ADMIN_IDS = /^(apiError|app|global|HomePage)\./;

/** IntlProvider's onError: records a missing id instead of logging it. */
export const onIntlError = (error: IntlErrorLike) => {
  if (error.code !== 'MISSING_TRANSLATION' || !error.descriptor?.id) return;
  if (ADMIN_IDS.test(error.descriptor.id)) return;
  const { id, defaultMessage } = error.descriptor;
  missingTranslations.set(id, typeof defaultMessage === 'string' ? defaultMessage : '');
};

/** `CRM_WRITE_TRANSLATIONS=1`: adds the missing ids to en.json (run the admin tests in band). */
export const writeMissingTranslations = () => {
  const en = JSON.parse(fs.readFileSync(EN_FILE, 'utf8')) as Record<string, string>;
  for (const [id, message] of missingTranslations) en[id] ??= message;
  const sorted = Object.fromEntries(Object.entries(en).sort(([a], [b]) => a.localeCompare(b)));
  fs.writeFileSync(EN_FILE, `${JSON.stringify(sorted, null, 2)}\n`);
};
