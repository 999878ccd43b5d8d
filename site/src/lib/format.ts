// Marked pure so a bundle that imports only the money formatting (the search script's salary card)
// drops it: a bundler keeps a constructor call it cannot prove free of side effects.
const dateFormat = /* @__PURE__ */ new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

const formatted = new Map<number, string>();

/** "3 March 2026", independent of the build machine's time zone. */
export function formatDate(date: Date): string {
  // Every card shows a date and a large build renders a great many cards: format each date once.
  const time = date.getTime();
  let text = formatted.get(time);
  if (text === undefined) {
    text = dateFormat.format(date);
    formatted.set(time, text);
  }
  return text;
}

/** "€2,700" in whole units of the band's currency. */
export function formatMoney(amount: number, currency: string): string {
  return new Intl.NumberFormat('en-GB', { style: 'currency', currency, maximumFractionDigits: 0 }).format(amount);
}

/** "€2,700 – €3,500" or "€6,000 and more" when the band has no upper bound. */
export function formatRange(min: number, max: number | null, currency: string): string {
  return max === null ? `${formatMoney(min, currency)} and more` : `${formatMoney(min, currency)} – ${formatMoney(max, currency)}`;
}

/**
 * JSON for a <script type="application/ld+json"> element. `<`, `>`, `&` and the JS line
 * separators are escaped so CMS text cannot close the script element or start markup.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
