import lead from './lead/schema.json';
import leadStatus from './lead-status/schema.json';
import leadSource from './lead-source/schema.json';
import tag from './tag/schema.json';
import customField from './custom-field/schema.json';
import customer from './customer/schema.json';
import note from './note/schema.json';
import task from './task/schema.json';
import reminder from './reminder/schema.json';
import opportunity from './opportunity/schema.json';
import activity from './activity/schema.json';
import leadImport from './import/schema.json';

/** The plugin's content types, keyed by singular name (uid `plugin::crm.<key>`). */
export default {
  lead: { schema: lead },
  'lead-status': { schema: leadStatus },
  'lead-source': { schema: leadSource },
  tag: { schema: tag },
  'custom-field': { schema: customField },
  customer: { schema: customer },
  note: { schema: note },
  task: { schema: task },
  reminder: { schema: reminder },
  opportunity: { schema: opportunity },
  activity: { schema: activity },
  import: { schema: leadImport },
};
