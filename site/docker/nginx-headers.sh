#!/bin/sh
# Prints the security headers a site build is served with (its `_headers`, written by the build from
# the render configuration) as nginx add_header directives: `nginx-headers.sh <build dir> > file`.
# nginx.conf includes the file wherever it serves the build's files itself.
set -eu
sed -n 's/^[[:space:]]\{1,\}\([A-Za-z-]\{1,\}\): \(.*\)$/add_header \1 "\2" always;/p' "$1/_headers"
