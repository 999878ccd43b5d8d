// Marks the table-of-contents link of the section being read: the last heading in or above the top
// eighth of the window (where a click on the link puts it), or the last one at the end of the page. Kept apart from the
// search script and measured on its own (test/screens-browser.test.ts).
const links = [...document.querySelectorAll<HTMLAnchorElement>('.toc a')];
const headings = links.map((a) => document.getElementById(a.hash.slice(1)));
let queued = false;

function mark(): void {
  queued = false;
  const atEnd = innerHeight + scrollY >= document.documentElement.scrollHeight - 2;
  let current = -1;
  headings.forEach((h, i) => {
    if (h && (atEnd || h.getBoundingClientRect().top < innerHeight / 8)) current = i;
  });
  links.forEach((a, i) => {
    if (i === current) a.setAttribute('aria-current', 'location');
    else a.removeAttribute('aria-current');
  });
}

if (links.length > 0) {
  addEventListener(
    'scroll',
    () => {
      if (!queued) requestAnimationFrame(mark);
      queued = true;
    },
    { passive: true },
  );
  mark();
}
