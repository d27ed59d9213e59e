import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  Tooltip,
} from 'chart.js';
import { useEffect, useRef } from 'react';
import { type DashboardFigures, stateName } from './DashboardTables.tsx';

// Only what a bar chart needs: chart.js is tree-shaken to these parts.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

/**
 * Dossiers per state as bars — today's, the late ones among them, and those that
 * entered the state during the period — drawn by chart.js on a canvas (nothing inline,
 * so the strict CSP holds). The tables below carry the same figures for screen readers
 * and keyboards: the canvas is an image with a summary as its name. Redrawn in place when
 * the figures refresh, without animation.
 */
export function StatesChart({ figures, caption }: { figures: DashboardFigures; caption: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart<'bar'> | null>(null);
  const states = figures.states.filter((state) => state.kind !== 'draft');
  const several = new Set(states.map((state) => state.demarcheId)).size > 1;
  const labels = states.map((state) => stateName(state, several));
  const series = [
    { label: 'Aujourd’hui', data: states.map((state) => state.count), color: 'marque' },
    { label: 'Dont en retard', data: states.map((state) => state.overdue), color: 'alerte' },
    { label: 'Entrés sur la période', data: states.map((state) => state.entered), color: 'neutre' },
  ] as const;

  useEffect(() => {
    if (!canvas.current) return;
    const colors = themeColors(canvas.current);
    chart.current = new Chart(canvas.current, {
      type: 'bar',
      data: { labels: [], datasets: [] },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
        plugins: { legend: { position: 'bottom' } },
        locale: 'fr-FR',
      },
    });
    chart.current.options.color = colors.texte;
    return () => {
      chart.current?.destroy();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    const drawn = chart.current;
    if (!drawn || !canvas.current) return;
    const colors = themeColors(canvas.current);
    drawn.data.labels = labels;
    drawn.data.datasets = series.map((entry) => ({
      label: entry.label,
      data: [...entry.data],
      backgroundColor: colors[entry.color],
    }));
    drawn.update();
  });

  const summary = `${caption} : ${states
    .map(
      (state) =>
        `${stateName(state, several)} ${state.count} aujourd’hui dont ${state.overdue} en retard`,
    )
    .join(', ')}. Le détail figure dans le tableau « Dossiers par état ».`;
  return (
    <figure className="graphique">
      <div className="graphique-zone">
        <canvas ref={canvas} role="img" aria-label={summary} />
      </div>
      <figcaption>{caption}</figcaption>
    </figure>
  );
}

/** The theme's brand and text colours, read from its CSS variables (a tenant may change them). */
function themeColors(element: HTMLElement) {
  const style = getComputedStyle(element);
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    marque: read('--guichet-couleur-marque', '#1f3a5f'),
    // Fixed: bars need 3:1 against the white surface (WCAG 1.4.11), which the theme's
    // border grey does not give.
    alerte: '#b3261e',
    neutre: '#6b6b6b',
    texte: read('--guichet-couleur-texte', '#161616'),
  };
}
