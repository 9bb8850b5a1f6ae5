#!/usr/bin/env bash
# stale-modules.sh ROOT: one line per module of ROOT's build whose build is
# missing or older than its sources ("f1-producer: src/main/java/X.java is
# newer than its build"); nothing when every module is up to date. ./pipeline
# rebuilds when it prints anything, so a git pull never runs old classes.
#
# A module's sources are src/main, its pom.xml and the parent pom.xml; its
# build is the newest of what `package` writes (the jar, target/classpath.txt)
# and the stamp ./pipeline leaves after it built (a parent pom change need not
# rewrite every jar).
set -uo pipefail
root="$1"
for module in $(sed -n 's:.*<module>\(.*\)</module>.*:\1:p' "$root/pom.xml"); do
  dir="$root/$module"
  [[ -f "$dir/pom.xml" ]] || continue
  build="$(ls -t "$dir"/target/pipeline-build.stamp "$dir"/target/*.jar "$dir"/target/classpath.txt 2>/dev/null | head -n 1)"
  if [[ -z "$build" ]]; then
    echo "$module: not built"
    continue
  fi
  sources=("$dir/pom.xml" "$root/pom.xml")
  [[ -d "$dir/src/main" ]] && sources+=("$dir/src/main")
  newer="$(find "${sources[@]}" -newer "$build" -print -quit)"
  if [[ -n "$newer" ]]; then
    echo "$module: ${newer#"$root"/} is newer than its build"
  fi
done
