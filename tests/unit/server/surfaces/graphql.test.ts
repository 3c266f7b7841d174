import type { Core } from '@strapi/strapi';
import { keepCrmOutOfGraphql } from '../../../../server/src/surfaces/graphql';
import { UID } from '../../../../server/src/uids';

const fakeStrapi = (graphql: unknown) =>
  ({ plugin: (name: string) => (name === 'graphql' ? graphql : undefined) }) as unknown as Core.Strapi;

describe('GraphQL (SPEC §3.1)', () => {
  it('disables the shadow CRUD of every CRM type when the GraphQL plugin is installed', () => {
    const disabled: string[] = [];
    const extension = { shadowCRUD: (uid: string) => ({ disable: () => disabled.push(uid) }) };
    keepCrmOutOfGraphql(
      fakeStrapi({ service: (name: string) => (name === 'extension' ? extension : undefined) })
    );
    expect(disabled.sort()).toEqual(Object.values(UID).sort());
    expect(disabled).toContain('plugin::crm.lead');
  });

  it('does nothing without it', () => {
    expect(() => keepCrmOutOfGraphql(fakeStrapi(undefined))).not.toThrow();
  });
});
