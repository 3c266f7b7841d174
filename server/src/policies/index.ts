import leadVisible from './lead-visible';

export default { 'lead-visible': leadVisible };
