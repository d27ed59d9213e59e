import { type ComponentType, lazy, type ReactNode, Suspense, useState } from 'react';

/** A component loaded on first use, with `preload` to fetch it ahead (and for tests). */
export type LazyPart<Props extends object> = ComponentType<Props> & {
  preload(): Promise<ComponentType<Props>>;
};

/**
 * A part of a form most pages never show (file fields, searched sources, RJSF's layout
 * grid): its own chunk, loaded when a form first draws one, so a form page's script stays
 * small. Each instance keeps the component it started with, so the module arriving
 * never remounts a field (an upload in progress keeps its state).
 *
 * @example
 * const FileField = lazyPart(() => import('./fields/FileField.tsx').then((m) => m.FileField), <p>…</p>);
 */
export function lazyPart<Props extends object>(
  load: () => Promise<ComponentType<Props>>,
  fallback: ReactNode,
): LazyPart<Props> {
  let loaded: ComponentType<Props> | null = null;
  let loading: Promise<ComponentType<Props>> | null = null;
  const preload = () => {
    loading ??= load().then((component) => {
      loaded = component;
      return component;
    });
    loading.catch(() => {
      loading = null;
    });
    return loading;
  };
  const Lazy = lazy(() => preload().then((component) => ({ default: component })));
  function Part(props: Props) {
    const [Inner] = useState<ComponentType<Props>>(() => loaded ?? Lazy);
    return (
      <Suspense fallback={fallback}>
        <Inner {...props} />
      </Suspense>
    );
  }
  return Object.assign(Part, { preload });
}
