import { splitName } from '../../../../server/src/services/conversion/prefill';

describe('splitName', () => {
  it.each([
    ['Mary Ann de la Cruz', 'Mary', 'Ann de la Cruz'],
    ['Ada Lovelace', 'Ada', 'Lovelace'],
    ['Cher', 'Cher', ''],
    ['  Grace   Brewster  Murray Hopper ', 'Grace', 'Brewster Murray Hopper'],
  ])('%s → "%s" + "%s", every word kept', (name, firstName, lastName) => {
    expect(splitName(name)).toEqual({ firstName, lastName });
  });
});
