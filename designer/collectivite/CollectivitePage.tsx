import { Tab, TabList, TabPanel, Tabs } from 'react-aria-components';
import { StudioPage } from '../studio/StudioPage.tsx';
import { AddressesPanel } from './AddressesPanel.tsx';
import { ReferenceTablesPanel } from './ReferenceTablesPanel.tsx';
import { StaffPanel } from './StaffPanel.tsx';
import { ThemePanel } from './ThemePanel.tsx';
import { UnitsPanel } from './UnitsPanel.tsx';

/** The collectivité's own settings for its admins: services, staff, appearance, addresses, reference tables. */
export function CollectivitePage({
  tenantSlug,
  onClose,
}: {
  tenantSlug: string;
  onClose: () => void;
}) {
  return (
    <StudioPage title="Ma collectivité">
      <div className="barre-outils">
        <button type="button" className="bouton-secondaire" onClick={onClose}>
          Retour aux démarches
        </button>
      </div>
      <Tabs className="onglets">
        <TabList aria-label="Réglages de la collectivité" className="liste-onglets">
          <Tab id="services">Services</Tab>
          <Tab id="personnel">Personnel</Tab>
          <Tab id="apparence">Apparence</Tab>
          <Tab id="adresses">Adresses</Tab>
          <Tab id="tables">Tables de référence</Tab>
        </TabList>
        <TabPanel id="services">
          <UnitsPanel />
        </TabPanel>
        <TabPanel id="personnel">
          <StaffPanel />
        </TabPanel>
        <TabPanel id="apparence">
          <ThemePanel tenantSlug={tenantSlug} />
        </TabPanel>
        <TabPanel id="adresses">
          <AddressesPanel />
        </TabPanel>
        <TabPanel id="tables">
          <ReferenceTablesPanel />
        </TabPanel>
      </Tabs>
    </StudioPage>
  );
}
