#!/bin/sh
# Reloads nginx whenever the build server points the `current` link at a new build, so nginx
# includes that build's redirect map (nginx reads included files only at a (re)load). Checks the
# configuration first: a map nginx refuses leaves it serving with the previous one.
# Usage: reload-on-switch.sh <current link> [nginx options, e.g. -c <file>]
set -u
link=$1
shift
# Empty: the first round reloads, in case the build switched while nginx was starting.
served=
while sleep 1; do
  build=$(readlink "$link") || continue
  [ "$build" = "$served" ] && continue
  if nginx "$@" -t -q; then
    nginx "$@" -s reload && served=$build
  else
    echo "site: nginx refused the configuration with the redirect map of $build; serving with the previous map" >&2
    served=$build
  fi
done
