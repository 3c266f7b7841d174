import activity from './activity';
import customFields from './custom-fields';
import defaults from './defaults';
import leadReader from './leads/reader';
import leadWriter from './leads/writer';
import staff from './staff';
import visibility from './visibility';

export default { activity, customFields, defaults, leadReader, leadWriter, staff, visibility };
