import type { ValidatorMap } from './precompiledValidator.ts';

const loaded = new Map<string, Promise<ValidatorMap>>();

/**
 * Imports the precompiled validators of one published version from the server
 * (`/validators/<tenant>/<démarche id>/<version>.js`, same origin, immutable), once per
 * page load. A dynamic import of a module is allowed by `script-src 'self'`: nothing is
 * compiled in the browser.
 *
 * @example
 * const validators = await loadValidators({ tenant: 'demo', demarcheId, version: 1 });
 */
export function loadValidators(version: {
  tenant: string;
  demarcheId: string;
  version: number;
}): Promise<ValidatorMap> {
  const url = `/validators/${encodeURIComponent(version.tenant)}/${version.demarcheId}/${version.version}.js`;
  let module = loaded.get(url);
  if (!module) {
    module = import(/* @vite-ignore */ url).then((imported: { default: ValidatorMap }) => {
      return imported.default;
    });
    module.catch(() => loaded.delete(url));
    loaded.set(url, module);
  }
  return module;
}
