import { createAbilityCache } from '../../../server/src/permissions/ability-cache';

const read = (subject: string, conditions: string[] = []) => ({
  action: 'plugin::content-manager.explorer.read',
  subject,
  properties: { fields: ['name'] },
  conditions,
});

describe('the ability cache', () => {
  it('builds once per user and identical permission set, anew when either changes', async () => {
    const cache = createAbilityCache<string>();
    let built = 0;
    const build = (label: string) => () => Promise.resolve(`${label}#${++built}`);
    const staff = [read('plugin::crm.lead', ['admin::is-creator', 'plugin::crm.lead-is-assigned'])];

    expect(await cache.get({ id: 1 }, staff, build('a'))).toBe('a#1');
    expect(await cache.get({ id: 1 }, [...staff], build('a'))).toBe('a#1');
    // another user: their own ability (conditions read the user's id)
    expect(await cache.get({ id: 2 }, staff, build('b'))).toBe('b#2');
    // a changed role: a field more, a condition less
    expect(
      await cache.get({ id: 1 }, [{ ...staff[0], properties: { fields: ['name', 'email'] } }], build('c'))
    ).toBe('c#3');
    expect(await cache.get({ id: 1 }, [read('plugin::crm.lead', ['admin::is-creator'])], build('d'))).toBe(
      'd#4'
    );
    expect(built).toBe(4);
  });

  it('never keeps an ability whose conditions may read more than the user (another plugin’s condition)', async () => {
    const cache = createAbilityCache<number>();
    let built = 0;
    const build = () => Promise.resolve(++built);
    const permissions = [read('api::article.article', ['plugin::teams.same-team'])];
    expect(await cache.get({ id: 1 }, permissions, build)).toBe(1);
    expect(await cache.get({ id: 1 }, permissions, build)).toBe(2);
    expect(cache.size()).toBe(0);
  });

  it('forgets a failed build, and holds at most 500 abilities', async () => {
    const cache = createAbilityCache<number>();
    await expect(cache.get({ id: 1 }, [], () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await cache.get({ id: 1 }, [], () => Promise.resolve(7))).toBe(7);
    for (let id = 2; id <= 600; id++) await cache.get({ id }, [], () => Promise.resolve(id));
    expect(cache.size()).toBe(500);
  });
});
