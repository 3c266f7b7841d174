import { screen } from '@testing-library/react';
import { useEffect, useState, type ComponentType } from 'react';
import { useAuth } from '@strapi/strapi/admin';
import plugin from '../../../admin/src/index';
import { MyWorkWidget } from '../../../admin/src/components/widgets/MyWorkWidget';
import { PipelineWidget } from '../../../admin/src/components/widgets/PipelineWidget';
import { ABILITIES } from '../../../server/src/contracts';
import { ALL_PERMISSIONS, render } from '../../helpers/render';

/**
 * Issue 16: the plugin registers "My work" and "Pipeline" through Strapi's widget API, and Strapi's
 * homepage shows a widget only to a user who holds every permission the widget names.
 */
interface Registered {
  uid: string;
  title: { defaultMessage: string };
  link?: { href: string };
  permissions?: { action: string; subject?: string | null }[];
  component: () => Promise<ComponentType>;
}

/** Strapi's own widget registry (what `app.widgets` is in the admin panel). */
const { Widgets } = jest.requireActual<{ Widgets: new () => { getAll: () => Registered[] } }>(
  '../../../node_modules/@strapi/admin/dist/admin/admin/src/core/apis/Widgets.js'
);

/** The plugin's admin `register`, given an app whose other APIs only record the calls. */
const registered = () => {
  const widgets = new Widgets();
  plugin.register({
    addMenuLink: jest.fn(),
    registerPlugin: jest.fn(),
    customFields: { register: jest.fn() },
    widgets,
  } as never);
  return widgets.getAll();
};

it('registers My work and Pipeline, each behind the read permission on leads, with their components', async () => {
  const widgets = registered();
  expect(widgets.map((w) => [w.uid, w.title.defaultMessage, w.link?.href])).toEqual([
    ['plugin::crm.my-work', 'My work', '/plugins/crm/my-work'],
    ['plugin::crm.pipeline', 'Pipeline', '/plugins/crm/reports'],
  ]);
  for (const widget of widgets) {
    expect(widget.permissions).toEqual(ABILITIES.readLeads);
    expect(widget.permissions).toEqual([
      { action: 'plugin::content-manager.explorer.read', subject: 'plugin::crm.lead' },
    ]);
  }
  expect(await widgets[0].component()).toBe(MyWorkWidget);
  expect(await widgets[1].component()).toBe(PipelineWidget);
});

/** Decides each widget as Strapi's homepage does: shown when every permission it names matches. */
const HomepageRule = ({ widgets }: { widgets: Registered[] }) => {
  const check = useAuth('HomepageRule', (state) => state.checkUserHasPermissions);
  const [shown, setShown] = useState<string[] | null>(null);
  useEffect(() => {
    void Promise.all(
      widgets.map(async (widget) => {
        const permissions = widget.permissions ?? [];
        const matching = await check(permissions as never);
        return matching.length >= permissions.length ? widget.uid : null;
      })
    ).then((uids) => setShown(uids.filter((uid): uid is string => !!uid)));
  }, [check, widgets]);
  return shown && <p>shown: {shown.join(', ') || 'none'}</p>;
};

it('shows both widgets to a user who may read leads, and neither to one who may not', async () => {
  const widgets = registered();
  const { unmount } = render(<HomepageRule widgets={widgets} />, {
    permissions: [{ action: 'plugin::content-manager.explorer.read', subject: 'plugin::crm.lead' }],
  });
  expect(await screen.findByText('shown: plugin::crm.my-work, plugin::crm.pipeline')).toBeInTheDocument();
  unmount();

  // every CRM permission except reading leads: customers, tasks, creating leads…
  const withoutReadLeads = ALL_PERMISSIONS.filter(
    (p) =>
      !(
        p.action === 'plugin::content-manager.explorer.read' &&
        'subject' in p &&
        p.subject === 'plugin::crm.lead'
      )
  );
  render(<HomepageRule widgets={widgets} />, { permissions: withoutReadLeads });
  expect(await screen.findByText('shown: none')).toBeInTheDocument();
});
