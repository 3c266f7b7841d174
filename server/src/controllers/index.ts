import leads from './leads';
import staff from './staff';

export default { leads, staff };
