import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

/** RJSF's registry of fields: every one of them is imported by every form page. */
const FIELDS_INDEX = /[\\/]@rjsf[\\/]core[\\/]lib[\\/]components[\\/]fields[\\/]index\.js$/;

/** RJSF's layout grid (`ui:field: 'LayoutGridField'`): our forms lay out by sections. */
export const LAZY_FIELDS = ['LayoutGridField', 'LayoutHeaderField', 'LayoutMultiSchemaField'];

const LAZY_PART = fileURLToPath(new URL('../../web/forms/lazyPart.tsx', import.meta.url));

/**
 * RJSF's `fields/index.js` with its layout-grid fields turned into lazy parts: a
 * definition that asks for one still gets it, from its own chunk, and the other form
 * pages do not carry it. Throws when RJSF's file no longer imports them as expected, so
 * an upgrade that changes it fails the build instead of silently keeping them.
 *
 * @example
 * lazyLayoutFields('import LayoutGridField from "./LayoutGridField.js";\n…', '/abs/lazyPart.tsx');
 */
export function lazyLayoutFields(code: string, lazyPartPath: string): string {
  let changed = `import { lazyPart as __lazyPart } from ${JSON.stringify(lazyPartPath)};\n${code}`;
  for (const name of LAZY_FIELDS) {
    const line = `import ${name} from "./${name}.js";`;
    if (!changed.includes(line)) {
      throw new Error(`@rjsf/core's fields/index.js no longer has: ${line}`);
    }
    changed = changed.replace(
      line,
      `const ${name} = __lazyPart(() => import("./${name}.js").then((module) => module.default), null);`,
    );
  }
  return changed;
}

/** The vite plugin applying `lazyLayoutFields` to RJSF's registry, in builds only. */
export function rjsfLayoutFieldsLazy(): Plugin {
  return {
    name: 'guichet:rjsf-layout-fields-lazy',
    apply: 'build',
    transform(code, id) {
      if (!FIELDS_INDEX.test(id)) return null;
      return { code: lazyLayoutFields(code, LAZY_PART), map: null };
    },
  };
}
