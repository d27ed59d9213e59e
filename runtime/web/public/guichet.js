// Lists the demo tenant's published démarches through the public tRPC procedure.
const list = document.getElementById('demarches');
const status = document.getElementById('etat');
const input = encodeURIComponent(JSON.stringify({ tenant: 'demo' }));

fetch(`/trpc/demarches.listPublished?input=${input}`)
  .then((response) => (response.ok ? response.json() : Promise.reject(response.status)))
  .then((body) => {
    const items = body.result.data;
    status.textContent =
      items.length === 0
        ? 'Aucune démarche n’est ouverte pour le moment.'
        : `${items.length} démarche(s) ouverte(s).`;
    for (const item of items) {
      const li = document.createElement('li');
      const title = document.createElement('h2');
      title.textContent = item.title;
      li.append(title);
      if (item.description) {
        const description = document.createElement('p');
        description.textContent = item.description;
        li.append(description);
      }
      list.append(li);
    }
  })
  .catch(() => {
    status.textContent = 'Les démarches n’ont pas pu être chargées. Veuillez réessayer plus tard.';
  });
