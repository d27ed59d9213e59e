import { publicProcedure, router, staffProcedure, unwrap } from '../trpc/index.ts';
import { publicTheme } from './publicTheme.ts';
import { setTenantHosts } from './setTenantHosts.ts';
import { settingsContextOf } from './settingsContext.ts';
import {
  noInput,
  publicThemeInput,
  setHostsInput,
  setLogoInput,
  updateSettingsInput,
} from './settingsInputs.ts';
import { readSettings, removeLogo, setLogo, updateSettings } from './tenantSettings.ts';

const admin = staffProcedure('admin');

/**
 * The collectivité's own settings: contact details, theme colours (WCAG AA under white
 * text), logo (PNG, JPEG or WebP by content, ≤ 200 KB) and addresses (host names) for
 * its admins; and the public
 * theme the citizen app reads by tenant slug.
 */
export const tenantRouter = router({
  settings: admin
    .input(noInput)
    .query(({ ctx }) => readSettings(ctx.deps.database.db, ctx.session.tenantId)),
  updateSettings: admin
    .input(updateSettingsInput)
    .mutation(async ({ ctx, input }) =>
      unwrap(await updateSettings(settingsContextOf(ctx), input)),
    ),
  setLogo: admin
    .input(setLogoInput)
    .mutation(async ({ ctx, input }) =>
      unwrap(await setLogo(settingsContextOf(ctx), Buffer.from(input.contentBase64, 'base64'))),
    ),
  setHosts: admin.input(setHostsInput).mutation(async ({ ctx, input }) => {
    const done = unwrap(await setTenantHosts(settingsContextOf(ctx), input.hosts));
    ctx.deps.hostTenants.forget();
    return done;
  }),
  removeLogo: admin.input(noInput).mutation(({ ctx }) => removeLogo(settingsContextOf(ctx))),
  publicTheme: publicProcedure
    .input(publicThemeInput)
    .query(({ ctx, input }) => publicTheme(ctx.deps.database.db, input.tenant)),
});
