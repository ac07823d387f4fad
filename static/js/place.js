// The report's "where" page, enhanced: places suggested as the resident types, and a map to drop a pin
// on. Without this script the search still works (a page of results) and the point can be typed.

const field = (id) => document.getElementById(id);

/** Fills in the page's answers from a place: its point, its ward, and its name when none was typed. */
function fill({ name, wardCode, latitude, longitude }) {
  if (name && !field('locationDescription').value.trim()) {
    field('locationDescription').value = name;
  }
  if (wardCode !== undefined && wardCode !== null) {
    field('wardCode').value = wardCode;
  }
  if (latitude !== undefined) {
    field('latitude').value = Number(latitude).toFixed(6);
    field('longitude').value = Number(longitude).toFixed(6);
  }
}

const listeners = [];

/** Says what was chosen, for everyone (and screen readers, through the live region). */
function chosen(text) {
  const note = document.querySelector('[data-place-chosen]');
  if (note) {
    note.textContent = text;
  }
}

function suggestions(form) {
  const input = form.querySelector('input[name="q"]');
  const list = form.querySelector('[data-place-suggestions]');
  const status = form.querySelector('[data-place-suggestions-status]');
  let timer;
  let asked = 0;

  const close = () => {
    list.hidden = true;
    list.replaceChildren();
  };

  const show = (places) => {
    list.replaceChildren();
    for (const place of places) {
      const item = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = place.label;
      button.addEventListener('click', () => {
        fill(place);
        listeners.forEach((listener) => listener(place));
        input.value = place.name;
        close();
        chosen(`Chosen: ${place.label}. We have filled in the place below: check it, then continue.`);
        field('locationDescription').focus();
      });
      item.append(button);
      list.append(item);
    }
    list.hidden = places.length === 0;
    status.textContent = places.length === 0 ? 'No places found'
      : `${places.length} place${places.length === 1 ? '' : 's'} found. Press Tab to move to them.`;
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    const query = input.value.trim();
    if (query.length < 2) {
      close();
      return;
    }
    timer = setTimeout(async () => {
      const ask = ++asked;
      try {
        const response = await fetch(`${form.dataset.places}?q=${encodeURIComponent(query)}`, {
          headers: { Accept: 'application/json' }
        });
        if (ask === asked && response.ok) {
          show(await response.json());
        }
      } catch (e) {
        // Offline or refused: the Find button still searches.
      }
    }, 250);
  });
  form.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !list.hidden) {
      close();
      input.focus();
    }
  });
}

async function map(module) {
  const details = module.closest('details');
  let started = false;
  const start = async () => {
    if (started) {
      return;
    }
    started = true;
    const stylesheet = document.createElement('link');
    stylesheet.rel = 'stylesheet';
    stylesheet.href = '/webjars/leaflet/dist/leaflet.css';
    document.head.append(stylesheet);
    const L = await import('/webjars/leaflet/dist/leaflet-src.esm.js');
    const element = module.querySelector('[data-map]');
    const leaflet = L.map(element, { keyboard: true, attributionControl: true });
    leaflet.attributionControl.setPrefix(false);
    if (module.dataset.tiles) {
      L.tileLayer(module.dataset.tiles, { attribution: module.dataset.attribution, maxZoom: 19 }).addTo(leaflet);
    }
    let pin = null;
    const drop = (latlng, ward) => {
      if (pin) {
        pin.setLatLng(latlng);
      } else {
        pin = L.circleMarker(latlng, { radius: 9, color: '#0b0c0c', weight: 3, fillColor: '#d4351c', fillOpacity: 1 })
          .addTo(leaflet);
      }
      fill({ latitude: latlng.lat, longitude: latlng.lng, wardCode: ward ? ward.code : undefined });
      chosen(ward ? `Pin dropped in ${ward.name} ward. We have filled in the map point and ward below.`
        : 'Pin dropped outside the wards we cover. Check it is where it happened.');
    };
    const response = await fetch(module.dataset.boundaries, { headers: { Accept: 'application/geo+json' } });
    const wards = L.geoJSON(response.ok ? await response.json() : [], {
      style: { color: '#1d70b8', weight: 2, fillOpacity: 0.05 },
      onEachFeature: (feature, layer) => {
        layer.bindTooltip(feature.properties.name, { sticky: true });
        layer.on('click', (event) => {
          L.DomEvent.stopPropagation(event);
          drop(event.latlng, feature.properties);
        });
      }
    }).addTo(leaflet);
    const wardAt = (latlng) => {
      let found = null;
      wards.eachLayer((layer) => {
        if (!found && layer.getBounds().contains(latlng) && inside(latlng, layer)) {
          found = layer.feature.properties;
        }
      });
      return found;
    };
    leaflet.on('click', (event) => drop(event.latlng, wardAt(event.latlng)));
    element.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && event.target === element) {
        event.preventDefault();
        drop(leaflet.getCenter(), wardAt(leaflet.getCenter()));
      }
    });
    const lat = parseFloat(field('latitude').value);
    const lng = parseFloat(field('longitude').value);
    if (Number.isFinite(lat) && Number.isFinite(lng)) {
      pin = L.circleMarker([lat, lng], { radius: 9, color: '#0b0c0c', weight: 3, fillColor: '#d4351c', fillOpacity: 1 })
        .addTo(leaflet);
      leaflet.setView([lat, lng], 16);
    } else if (wards.getLayers().length > 0) {
      leaflet.fitBounds(wards.getBounds());
    } else {
      leaflet.setView([52.136, -0.467], 12);
    }
    listeners.push((place) => {
      drop(L.latLng(place.latitude, place.longitude), place.wardCode ? { code: place.wardCode, name: place.wardName } : null);
      leaflet.setView([place.latitude, place.longitude], 16);
    });
    element.dataset.ready = 'true';
  };
  if (!details || details.open) {
    await start();
  }
  details?.addEventListener('toggle', async () => {
    if (details.open) {
      await start();
    }
  });
}

/** Whether a point is inside a ward's polygon(s), by ray casting over each ring. */
function inside(latlng, layer) {
  const rings = (layer.feature.geometry.type === 'Polygon' ? [layer.feature.geometry.coordinates]
    : layer.feature.geometry.coordinates);
  return rings.some((polygon) => polygon.reduce((within, ring, index) => {
    let crosses = false;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i];
      const [xj, yj] = ring[j];
      if ((yi > latlng.lat) !== (yj > latlng.lat)
          && latlng.lng < ((xj - xi) * (latlng.lat - yi)) / (yj - yi) + xi) {
        crosses = !crosses;
      }
    }
    return index === 0 ? crosses : within && !crosses;
  }, false));
}

for (const form of document.querySelectorAll('[data-module="portal-place-search"]')) {
  suggestions(form);
}
for (const module of document.querySelectorAll('[data-module="portal-map"]')) {
  map(module);
}
