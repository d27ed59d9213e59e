import type { AriaLabelConfig } from '@xyflow/react';

/** xyflow's screen-reader texts, in French (its defaults are English). */
export const FRENCH_ARIA_LABELS: Partial<AriaLabelConfig> = {
  'node.a11yDescription.default':
    'Appuyez sur Entrée ou Espace pour sélectionner un état, puis sur les flèches pour le déplacer. Suppr le supprime, Échap annule.',
  'node.a11yDescription.keyboardDisabled':
    'Appuyez sur Entrée ou Espace pour sélectionner un état. Suppr le supprime, Échap annule.',
  'node.a11yDescription.ariaLiveMessage': ({ direction, x, y }) =>
    `État déplacé vers ${DIRECTIONS[direction] ?? direction}. Nouvelle position : x ${x}, y ${y}.`,
  'edge.a11yDescription.default':
    'Appuyez sur Entrée ou Espace pour sélectionner une transition. Suppr la supprime, Échap annule.',
  'controls.ariaLabel': 'Commandes du graphe',
  'controls.zoomIn.ariaLabel': 'Agrandir',
  'controls.zoomOut.ariaLabel': 'Réduire',
  'controls.fitView.ariaLabel': 'Voir tout le circuit',
  'controls.interactive.ariaLabel': 'Verrouiller ou déverrouiller le graphe',
  'minimap.ariaLabel': 'Vue d’ensemble',
  'handle.ariaLabel': 'Poignée de connexion',
};

const DIRECTIONS: Record<string, string> = {
  up: 'le haut',
  down: 'le bas',
  left: 'la gauche',
  right: 'la droite',
};
