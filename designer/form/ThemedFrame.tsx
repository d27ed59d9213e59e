import { useQuery } from '@tanstack/react-query';
import type { CSSProperties, ReactNode } from 'react';
import { useTRPC } from '../../runtime/web/api/trpcContext.ts';

/**
 * The citizen's page around a preview: the collectivité's name, logo and colours as set
 * in « Ma collectivité », at a desktop or phone width. Colours go through the theme's
 * variables (`runtime/web/theme`), as a style attribute the studio's CSP allows (§90).
 */
export function ThemedFrame({
  width,
  title,
  children,
}: {
  width: 'ordinateur' | 'telephone';
  title: string;
  children: ReactNode;
}) {
  const trpc = useTRPC();
  const me = useQuery(trpc.auth.me.queryOptions());
  const slug = me.data?.tenant.slug ?? '';
  const theme = useQuery({
    ...trpc.tenant.publicTheme.queryOptions({ tenant: slug }),
    enabled: slug !== '',
  });
  const colours = theme.data?.theme;
  const style = {
    ...(colours?.primaryColor ? { '--guichet-couleur-marque': colours.primaryColor } : {}),
    ...(colours?.accentColor ? { '--guichet-couleur-accent': colours.accentColor } : {}),
  } as CSSProperties;
  const logo = theme.data?.logo;
  return (
    <div className={`cadre-apercu cadre-${width}`} style={style}>
      <div className="entete-apercu">
        {logo ? (
          <img
            src={`data:${logo.mediaType};base64,${logo.contentBase64}`}
            alt={theme.data?.name ?? ''}
            className="logo-entete-apercu"
          />
        ) : null}
        <span className="nom-collectivite-apercu">{theme.data?.name}</span>
      </div>
      <p className="titre-apercu">{title}</p>
      {children}
    </div>
  );
}
