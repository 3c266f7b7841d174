import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';

interface Route {
  path: string;
  config?: { middlewares?: unknown[] };
}

/**
 * Adds a route middleware to the Content Manager's routes of these paths (as its routers declare
 * them, or those a predicate picks): it runs after Strapi's authentication and policies, with `ctx.state.userAbility` set,
 * right before the Content Manager's own handler.
 */
export const useOnContentManagerRoutes = (
  strapi: Core.Strapi,
  paths: string[] | ((path: string) => boolean),
  middleware: (ctx: Context, next: Next) => Promise<unknown>
) => {
  const matches = typeof paths === 'function' ? paths : (path: string) => paths.includes(path);
  const routers = strapi.plugin('content-manager').routes as unknown as Record<string, { routes?: Route[] }>;
  for (const router of Object.values(routers)) {
    for (const route of router.routes ?? []) {
      if (!matches(route.path)) continue;
      route.config = { ...route.config, middlewares: [...(route.config?.middlewares ?? []), middleware] };
    }
  }
};
