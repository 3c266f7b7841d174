import { conditions } from '../../../server/src/permissions/conditions';

const byName = (name: string) => conditions.find((c) => c.name === name)!;

describe('RBAC conditions', () => {
  it('lead-is-assigned matches the leads assigned to the user', () => {
    expect(byName('lead-is-assigned').handler({ id: 7 })).toEqual({ 'assignedTo.id': 7 });
  });

  it('lead-is-public matches public leads whoever asks', () => {
    expect(byName('lead-is-public').handler({ id: 7 })).toEqual({ isPublic: true });
  });

  it('are registered under the crm plugin', () => {
    expect(conditions.every((c) => c.plugin === 'crm')).toBe(true);
  });
});
