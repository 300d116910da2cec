// The options page: every control is saved as soon as it changes; open tabs pick the change up
// through storage.onChanged (no reload).
import { LOAD_MODES, POSITIONS, normalizeHost, withSite, type Settings } from './schema';
import { STANCES } from '../parser/types';
import { loadSettings, onSettingsChanged, saveSettings } from './storage';
import { t } from '../ui/i18n';
import { localize } from '../ui/i18n-dom';

localize(document);

const form = document.getElementById('settings') as HTMLFormElement;
const field = <T extends Element>(name: string): T => form.elements.namedItem(name) as unknown as T;
let current: Settings;

function render(s: Settings): void {
  current = s;
  for (const r of form.querySelectorAll<HTMLInputElement>('input[name="loadMode"]')) r.checked = r.value === s.loadMode;
  field<HTMLSelectElement>('collapseStance').value = s.collapseStance;
  field<HTMLInputElement>('showBadges').checked = s.showBadges;
  field<HTMLInputElement>('refine').checked = s.refine;
  field<HTMLSelectElement>('position').value = s.position;
  field<HTMLInputElement>('minimized').checked = s.minimized;
  const list = document.getElementById('sites')!;
  const off = Object.keys(s.sites).filter((h) => s.sites[h] === false).sort();
  list.replaceChildren(
    ...off.map((host) => {
      const li = document.createElement('li');
      const btn = document.createElement('button');
      btn.type = 'button';
      btn.textContent = t('optionsTurnBackOn');
      btn.setAttribute('aria-label', t('optionsTurnBackOnFor', host));
      btn.addEventListener('click', () => void save(withSite(current, host, true)));
      li.append(`${host} `, btn);
      return li;
    }),
  );
  document.getElementById('no-sites')!.hidden = off.length > 0;
}

async function save(next: Settings): Promise<void> {
  await saveSettings(next);
  render(next);
  document.getElementById('saved')!.textContent = t('optionsSaved');
}

function fromForm(): Settings {
  const mode = form.querySelector<HTMLInputElement>('input[name="loadMode"]:checked')?.value;
  const stance = field<HTMLSelectElement>('collapseStance').value;
  const position = field<HTMLSelectElement>('position').value;
  return {
    ...current,
    loadMode: LOAD_MODES.find((m) => m === mode) ?? current.loadMode,
    collapseStance: STANCES.find((s) => s === stance) ?? current.collapseStance,
    showBadges: field<HTMLInputElement>('showBadges').checked,
    refine: field<HTMLInputElement>('refine').checked,
    position: POSITIONS.find((p) => p === position) ?? current.position,
    minimized: field<HTMLInputElement>('minimized').checked,
  };
}

form.addEventListener('change', (e) => {
  if ((e.target as HTMLElement).getAttribute('name') === 'newSite') return;
  void save(fromForm());
});
form.addEventListener('submit', (e) => e.preventDefault());
document.getElementById('add-site')!.addEventListener('click', () => {
  const input = field<HTMLInputElement>('newSite');
  // Accept a pasted URL as well as a bare hostname.
  const raw = input.value.trim();
  let host = raw;
  try {
    host = new URL(raw.includes('://') ? raw : `https://${raw}`).hostname;
  } catch {
    return;
  }
  if (!normalizeHost(host)) return;
  input.value = '';
  void save(withSite(current, host, false));
});

void loadSettings().then(render);
onSettingsChanged(render, new AbortController().signal);
