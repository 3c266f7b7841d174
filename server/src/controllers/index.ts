import conversion from './conversion';
import gdpr from './gdpr';
import leads from './leads';
import reminders from './reminders';
import sections from './sections';
import staff from './staff';

export default { conversion, gdpr, leads, reminders, sections, staff };
