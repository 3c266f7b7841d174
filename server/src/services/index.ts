import activity from './activity';
import attachments from './attachments';
import conversion from './conversion/convert';
import portal from './conversion/portal';
import parents from './parents';
import me from './me';
import prefill from './conversion/prefill';
import customFields from './custom-fields';
import defaults from './defaults';
import gdpr from './gdpr';
import imports from './imports';
import importWorker from './imports/worker';
import customFieldFilter from './leads/custom-field-filter';
import leadBulk from './leads/bulk';
import leadExport from './leads/export';
import leadReader from './leads/reader';
import leadWriter from './leads/writer';
import reminders from './reminders';
import sections from './sections';
import staff from './staff';
import visibility from './visibility';
import webLeads from './web-leads';
import reports from './reports';
import myWork from './my-work';

export default {
  activity,
  attachments,
  conversion,
  customFieldFilter,
  customFields,
  defaults,
  gdpr,
  leadBulk,
  leadExport,
  imports,
  importWorker,
  leadReader,
  leadWriter,
  me,
  parents,
  portal,
  prefill,
  reminders,
  sections,
  staff,
  visibility,
  webLeads,
  reports,
  myWork,
};
