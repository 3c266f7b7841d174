import attachments from './attachments';
import conversion from './conversion';
import gdpr from './gdpr';
import leads from './leads';
import reminders from './reminders';
import sections from './sections';
import staff from './staff';

export default { attachments, conversion, gdpr, leads, reminders, sections, staff };
