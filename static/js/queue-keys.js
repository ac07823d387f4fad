// Keyboard shortcuts on a queue's page, as a progressive enhancement (see /staff/help/keyboard):
// j and k move between cases, c claims the case moved to, / goes to the search box. Keys typed into
// a box, or pressed with Ctrl, Alt or Cmd, are left alone.
const rows = Array.from(document.querySelectorAll('[data-queue-item]'));

function typing(target) {
  if (!(target instanceof HTMLElement)) {
    return false;
  }
  if (target.tagName === 'INPUT') {
    return !['checkbox', 'radio', 'button', 'submit'].includes(target.type);
  }
  return target.isContentEditable || ['TEXTAREA', 'SELECT'].includes(target.tagName);
}

function currentRow() {
  return rows.findIndex((row) => row.contains(document.activeElement));
}

function moveTo(index) {
  const row = rows[Math.max(0, Math.min(rows.length - 1, index))];
  if (row) {
    row.querySelector('[data-queue-link]').focus();
  }
}

document.addEventListener('keydown', (event) => {
  if (event.ctrlKey || event.altKey || event.metaKey || typing(event.target)) {
    return;
  }
  const at = currentRow();
  switch (event.key) {
    case 'j':
      moveTo(at + 1);
      break;
    case 'k':
      moveTo(at < 0 ? 0 : at - 1);
      break;
    case 'c': {
      const claim = at < 0 ? null : rows[at].querySelector('form[data-claim]');
      if (!claim) {
        return;
      }
      claim.requestSubmit();
      break;
    }
    case '/': {
      const search = document.getElementById('q');
      if (!search) {
        return;
      }
      search.focus();
      break;
    }
    default:
      return;
  }
  event.preventDefault();
});
