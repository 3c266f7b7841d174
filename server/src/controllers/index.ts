import attachments from './attachments';
import conversion from './conversion';
import gdpr from './gdpr';
import imports from './imports';
import leads from './leads';
import leadBulk from './lead-bulk';
import me from './me';
import reminders from './reminders';
import sections from './sections';
import staff from './staff';
import webLead from './web-lead';
import reports from './reports';
import myWork from './my-work';

export default {
  attachments,
  conversion,
  gdpr,
  imports,
  leads,
  me,
  reminders,
  sections,
  staff,
  'web-lead': webLead,
  'lead-bulk': leadBulk,
  reports,
  'my-work': myWork,
};
