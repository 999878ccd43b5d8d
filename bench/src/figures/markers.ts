/** Thrown when a README lacks a marker pair the report writes between. */
export class MarkerError extends Error {
  override name = 'MarkerError';
}

export const startMarker = (name: string) => `<!-- bench:${name}:start -->`;
export const endMarker = (name: string) => `<!-- bench:${name}:end -->`;

/** Positions of the one occurrence of `marker` in `text`. @throws MarkerError when there is none or more than one. */
function onlyIndex(text: string, marker: string, where: string, name: string): number {
  const first = text.indexOf(marker);
  if (first === -1)
    throw new MarkerError(
      `${where}: marker ${marker} not found; the report writes the "${name}" table between ${startMarker(name)} and ${endMarker(name)}, each on its own line`,
    );
  if (text.indexOf(marker, first + marker.length) !== -1)
    throw new MarkerError(`${where}: marker ${marker} appears more than once; keep one pair`);
  return first;
}

/**
 * `text` with everything between the `name` markers replaced by `content` (on its own lines);
 * every byte outside the markers stays as it was. `where` names the file in errors.
 * @throws MarkerError when a marker is missing, repeated, or the end comes before the start.
 */
export function replaceBetween(text: string, name: string, content: string, where: string): string {
  const start = startMarker(name);
  const end = endMarker(name);
  const from = onlyIndex(text, start, where, name) + start.length;
  const to = onlyIndex(text, end, where, name);
  if (to < from) throw new MarkerError(`${where}: ${end} comes before ${start}`);
  return `${text.slice(0, from)}\n${content}\n${text.slice(to)}`;
}
