import conversion from './conversion';
import gdpr from './gdpr';
import leads from './leads';
import sections from './sections';
import staff from './staff';

export default { conversion, gdpr, leads, sections, staff };
