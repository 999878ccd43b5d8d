/**
 * The option to make active after a navigation key, following the WAI-ARIA combobox pattern:
 * Down/Up move (wrapping), Home/End jump — Home/End only while an option is active, so they
 * still move the caret while the visitor is typing. `current` is -1 when no option is active.
 * Returns null for any other key, or when there is nothing to move to.
 */
export function nextActive(key: string, current: number, count: number): number | null {
  const last = count - 1;
  if (last < 0) return null;
  if (key === 'ArrowDown') return current < 0 || current >= last ? 0 : current + 1;
  if (key === 'ArrowUp') return current <= 0 ? last : current - 1;
  return current < 0 ? null : key === 'Home' ? 0 : key === 'End' ? last : null;
}

export type Combobox = {
  /** Call after the listbox's options were replaced; `expanded` says whether the popup shows. */
  update(expanded: boolean): void;
};

/**
 * Makes `input` a combobox over `listbox` (whose options are `[role=option]` links): aria-expanded,
 * aria-activedescendant, arrow keys, Enter follows the active option, Escape closes and clears
 * (through `onEscape`). Focus stays in the input; options get virtual focus only.
 */
export function attachCombobox(input: HTMLInputElement, listbox: HTMLElement, onEscape: () => void): Combobox {
  let active = -1;
  const options = () => [...listbox.querySelectorAll<HTMLAnchorElement>('[role=option]')];
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-controls', listbox.id);
  input.setAttribute('aria-expanded', 'false');

  const setActive = (index: number) => {
    const all = options();
    active = index < all.length ? index : -1;
    for (const [i, option] of all.entries()) option.setAttribute('aria-selected', String(i === active));
    const current = all[active];
    if (current) {
      input.setAttribute('aria-activedescendant', current.id);
      current.scrollIntoView({ block: 'nearest' });
    } else {
      input.removeAttribute('aria-activedescendant');
    }
  };

  input.addEventListener('keydown', (event) => {
    const expanded = input.getAttribute('aria-expanded') === 'true';
    if (event.key === 'Escape') {
      if (!expanded && !input.value) return;
      event.preventDefault();
      input.value = '';
      setActive(-1);
      onEscape();
      return;
    }
    if (event.key === 'Enter') {
      const option = options()[active];
      if (!expanded || !option) return;
      event.preventDefault();
      option.click();
      return;
    }
    if (!expanded || event.altKey || event.ctrlKey || event.metaKey) return;
    const next = nextActive(event.key, active, options().length);
    if (next === null) return;
    event.preventDefault();
    setActive(next);
  });
  // Typing changes the results, so the old active option no longer means anything.
  input.addEventListener('input', () => setActive(-1));

  return {
    update(expanded) {
      input.setAttribute('aria-expanded', String(expanded && options().length > 0));
      setActive(-1);
    },
  };
}
