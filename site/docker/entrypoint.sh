#!/bin/sh
# Starts the build server (first build, then rebuilds on the hook) and nginx; exits when either does.
set -eu
# The site build only ever gets the search-only key, from search-sync (which holds the master key).
if [ -z "${MEILI_SEARCH_KEY:-}" ] && [ -n "${SEARCH_KEY_URL:-}" ]; then
  MEILI_SEARCH_KEY=$(node -e '
    const url = process.env.SEARCH_KEY_URL;
    const until = Date.now() + 120000;
    (async function poll() {
      try {
        const res = await fetch(url);
        if (res.ok) return console.log((await res.json()).searchKey);
      } catch {}
      if (Date.now() > until) { console.error(`site: no search key from ${url}`); process.exit(1); }
      setTimeout(poll, 2000);
    })();')
  export MEILI_SEARCH_KEY
fi
node --import tsx site/server/serve.ts &
server=$!
until [ -e /app/site/.builds/current ]; do
  if ! kill -0 "$server" 2>/dev/null; then echo "site: first build failed" >&2; exit 1; fi
  sleep 1
done
sh site/docker/nginx-headers.sh /app/site/.builds/current > /tmp/nginx-site-headers.conf
nginx -g 'daemon off;' &
web=$!
sh site/docker/reload-on-switch.sh /app/site/.builds/current &
reloader=$!
trap 'kill "$server" "$web" "$reloader" 2>/dev/null' INT TERM
while kill -0 "$server" 2>/dev/null && kill -0 "$web" 2>/dev/null; do sleep 2; done
kill "$server" "$web" "$reloader" 2>/dev/null || true
exit 1
