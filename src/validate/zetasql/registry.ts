/**
 * Caches catalog registrations: registering once and analyzing by id spares the server from
 * rebuilding the catalog and its builtin functions on every call. A catalog edited since its
 * registration (a new `version`) is registered again and the stale copy released.
 */
import type { Catalog } from './catalog.js';
import type { ZetaSqlServer } from './server.js';

interface Registration {
  readonly server: ZetaSqlServer;
  readonly version: number;
  readonly id: Promise<string>;
}

const registrations = new WeakMap<Catalog, Registration>();

/** The id under which `catalog`'s current version is registered on `zeta`. */
export function registeredCatalogId(zeta: ZetaSqlServer, catalog: Catalog): Promise<string> {
  const previous = registrations.get(catalog);
  if (previous && previous.server === zeta && previous.version === catalog.version) return previous.id;
  if (previous?.server.alive) {
    const stale = previous.server;
    // Releasing is best-effort: a failure only leaks a little server memory.
    previous.id.then((id) => stale.rpc.unregisterCatalog(id)).catch(() => undefined);
  }
  const id = zeta.rpc
    .registerCatalog({ simpleCatalog: catalog.toProto(zeta.languageOptions) })
    .then((response) => String(response.registeredId));
  registrations.set(catalog, { server: zeta, version: catalog.version, id });
  id.catch(() => {
    if (registrations.get(catalog)?.id === id) registrations.delete(catalog);
  });
  return id;
}
