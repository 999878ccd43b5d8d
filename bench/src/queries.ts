/**
 * 200 realistic queries built from the CMS's own vocabulary (skill and role names): whole names,
 * lower-case prefixes as typed mid-word, one-typo variants, and two-word combinations.
 */
export function realisticQueries(names: string[], count = 200): string[] {
  const words = names.map((n) => n.toLowerCase());
  const typo = (w: string) => (w.length > 4 ? `${w.slice(0, 2)}${w[3]}${w[2]}${w.slice(4)}` : w);
  const pool: string[] = [];
  for (let i = 0; pool.length < count && words.length > 0; i++) {
    const w = words[i % words.length]!;
    const other = words[(i * 7 + 3) % words.length]!;
    const kind = Math.floor(i / words.length) % 4;
    pool.push(kind === 0 ? w : kind === 1 ? w.slice(0, Math.max(3, Math.ceil(w.length / 2))) : kind === 2 ? typo(w) : `${w} ${other}`);
  }
  return pool;
}

/** Names of every skill and role in the CMS, the words readers search the site for. */
export async function cmsNames(cmsUrl: string, token: string): Promise<string[]> {
  const names: string[] = [];
  for (const type of ['skills', 'roles']) {
    const res = await fetch(`${cmsUrl}/api/${type}?pagination[pageSize]=100&fields[0]=name`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    if (!res.ok) throw new Error(`GET ${cmsUrl}/api/${type}: HTTP ${res.status}`);
    names.push(...((await res.json()) as { data: { name: string }[] }).data.map((d) => d.name));
  }
  return names;
}
