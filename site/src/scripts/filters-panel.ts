/** What the search page tells the filters control after each search. */
export type FiltersPanel = { update(active: number, available: boolean): void };

/**
 * The filters of /search/ on narrow screens: one disclosure button, "Filters (2)", opens the facets
 * as a panel above the results; "Show results" or Escape closes it and returns focus to the button.
 * On wide screens CSS hides both buttons and keeps the facets in the side column.
 * Returns undefined when the page has no filters control.
 */
export function attachFiltersPanel(app: HTMLElement): FiltersPanel | undefined {
  const toggle = app.querySelector<HTMLButtonElement>('[data-filters-toggle]');
  const panel = app.querySelector<HTMLElement>('[data-filters-panel]');
  const done = app.querySelector<HTMLButtonElement>('[data-filters-done]');
  if (!toggle || !panel || !done) return undefined;
  const setOpen = (open: boolean) => {
    toggle.setAttribute('aria-expanded', String(open));
    panel.toggleAttribute('data-open', open);
  };
  const close = () => {
    setOpen(false);
    toggle.focus();
  };
  toggle.addEventListener('click', () => setOpen(toggle.getAttribute('aria-expanded') !== 'true'));
  done.addEventListener('click', close);
  panel.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && toggle.offsetWidth > 0) close();
  });
  return {
    update(active, available) {
      // Shows "Filters (2)" and reads "Filters (2 active)"; a hidden span inside the brackets would
      // put a stray space before ")" in the accessible name.
      toggle.innerHTML =
        active > 0
          ? `Filters <span aria-hidden="true">(${active})</span><span class="visually-hidden">(${active} active)</span>`
          : 'Filters';
      toggle.hidden = !available;
      panel.hidden = !available;
      if (!available) setOpen(false);
    },
  };
}
