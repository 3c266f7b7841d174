import conversion from './conversion';
import leads from './leads';
import staff from './staff';

export default { conversion, leads, staff };
