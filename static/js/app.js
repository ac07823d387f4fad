// Progressive enhancement only: every page works without this script.
import { initAll } from '/webjars/govuk-frontend/dist/govuk/govuk-frontend.min.js';

initAll();

// "Use my location" fills the map point from the browser's location, when the resident allows it.
for (const module of document.querySelectorAll('[data-module="portal-geolocate"]')) {
  const button = module.querySelector('[data-geolocate]');
  const status = module.querySelector('[data-geolocate-status]');
  if (!('geolocation' in navigator)) {
    module.hidden = true;
    continue;
  }
  button.addEventListener('click', () => {
    status.textContent = 'Finding your location…';
    navigator.geolocation.getCurrentPosition(
      (position) => {
        document.getElementById('latitude').value = position.coords.latitude.toFixed(6);
        document.getElementById('longitude').value = position.coords.longitude.toFixed(6);
        status.textContent = 'Your location has been added. Check it is where it happened.';
      },
      () => {
        status.textContent = 'We could not find your location. You can type it in instead, or leave it blank.';
      },
      { enableHighAccuracy: true, timeout: 10000 }
    );
  });
}

// "Print or save this page" on a confirmation: shown only where the browser can print from a script.
for (const button of document.querySelectorAll('[data-module="portal-print"]')) {
  if (typeof window.print !== 'function') {
    continue;
  }
  button.hidden = false;
  button.addEventListener('click', () => window.print());
}

// The report's "where" page: suggestions as the resident types, and the map to drop a pin on.
if (document.querySelector('[data-module="portal-place-search"], [data-module="portal-map"]')) {
  import('/js/place.js');
}
