import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';

interface Route {
  path: string;
  config?: { middlewares?: unknown[] };
}

type RouteMiddleware = ((ctx: Context, next: Next) => Promise<unknown>) & { [CRM_SURFACE]?: string };

/** Marks the middlewares this plugin put on a Content Manager route, by the surface that put them. */
const CRM_SURFACE = Symbol.for('strapi-plugin-crm.surface');

/**
 * Adds a route middleware to the Content Manager's routes of these paths (as its routers declare
 * them, or those a predicate picks): it runs after Strapi's authentication and policies, with `ctx.state.userAbility` set,
 * right before the Content Manager's own handler.
 *
 * The route objects belong to the `@strapi/content-manager` module, not to this Strapi instance:
 * a second instance booted in the same process (a test suite that boots twice) would find the
 * first one's middleware still there, bound to a destroyed instance. So each surface's middleware
 * is tagged with its `surface` name and replaces the one an earlier boot left, instead of adding
 * to it.
 */
export const useOnContentManagerRoutes = (
  strapi: Core.Strapi,
  surface: string,
  paths: string[] | ((path: string) => boolean),
  middleware: (ctx: Context, next: Next) => Promise<unknown>
) => {
  const tagged: RouteMiddleware = Object.assign((ctx: Context, next: Next) => middleware(ctx, next), {
    [CRM_SURFACE]: surface,
  });
  const matches = typeof paths === 'function' ? paths : (path: string) => paths.includes(path);
  const routers = strapi.plugin('content-manager').routes as unknown as Record<string, { routes?: Route[] }>;
  for (const router of Object.values(routers)) {
    for (const route of router.routes ?? []) {
      if (!matches(route.path)) continue;
      const others = (route.config?.middlewares ?? []).filter(
        (existing) => (existing as RouteMiddleware)?.[CRM_SURFACE] !== surface
      );
      route.config = { ...route.config, middlewares: [...others, tagged] };
    }
  }
};
