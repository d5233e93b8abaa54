import { RequestMethod, type INestApplication } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import type { Permission } from '@federacycle/contracts';
import { ACCESS_METADATA, describePermission } from '@federacycle/platform-http';

/** One route of the running application and who may call it. */
export interface RouteAccess {
  method: string;
  path: string;
  /** `public`, `authenticated`, `read:Member`...; `NONE` when the route declares nothing (the guard refuses it) */
  permission: string;
}

function join(...parts: string[]): string {
  const path = parts
    .flatMap((p) => p.split('/'))
    .filter((p) => p !== '')
    .join('/');
  return `/${path}`;
}

/**
 * Every route of the application, from Nest's discovery (the controllers actually
 * registered), with its permission as the global guard will read it. The route snapshot
 * and the isolation suite are built from this list, so a new route cannot slip past them.
 */
export function listRoutes(app: INestApplication): RouteAccess[] {
  const discovery = app.get(DiscoveryService);
  const scanner = app.get(MetadataScanner);
  const reflector = app.get(Reflector);
  const routes: RouteAccess[] = [];
  for (const wrapper of discovery.getControllers()) {
    const instance = wrapper.instance as Record<string, unknown> | undefined;
    const type = wrapper.metatype as (new (...args: never[]) => unknown) | undefined;
    if (!instance || !type) continue;
    const prefixes = ([] as string[]).concat(
      (Reflect.getMetadata(PATH_METADATA, type) as string | string[] | undefined) ?? '',
    );
    for (const name of scanner.getAllMethodNames(Object.getPrototypeOf(instance) as object)) {
      const handler = instance[name] as (...args: unknown[]) => unknown;
      const paths = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
      if (paths === undefined) continue;
      const method =
        RequestMethod[
          (Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined) ?? RequestMethod.GET
        ];
      const permission = reflector.getAllAndOverride<Permission | undefined>(ACCESS_METADATA, [handler, type]);
      for (const prefix of prefixes) {
        for (const path of ([] as string[]).concat(paths)) {
          routes.push({
            method,
            path: join(prefix, path),
            permission: permission === undefined ? 'NONE' : describePermission(permission),
          });
        }
      }
    }
  }
  return routes.sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
}
