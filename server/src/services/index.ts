import activity from './activity';
import customFields from './custom-fields';
import customFieldFilter from './leads/custom-field-filter';
import defaults from './defaults';
import leadReader from './leads/reader';
import leadWriter from './leads/writer';
import staff from './staff';
import visibility from './visibility';

export default {
  activity,
  customFieldFilter,
  customFields,
  defaults,
  leadReader,
  leadWriter,
  staff,
  visibility,
};
