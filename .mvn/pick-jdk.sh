# Finds a JDK 21 or newer, so that the README's commands work wherever one is installed, even when the default
# `java` is older. The one copy of this logic: sourced by ./mvnw, .ci/run, app-cli/bin/chillin and
# deploy/local-cluster.sh. POSIX sh, because ./mvnw runs under /bin/sh (with set -euf: no globbing, no unset names).
#
#   chillin_pick_jdk TOOL NAME
#
# TOOL is the program the caller needs: javac to build, java to run. The first that qualifies wins:
#   1. JAVA_HOME, when it is 21 or newer (the user's choice is kept);
#   2. java on the PATH, when it is 21 or newer;
#   3. the newest JDK 21+ under CHILLIN_JDK_SEARCH: colon-separated folders that are JDK homes or hold them
#      (default: the usual install locations below).
# On success it exports JAVA_HOME, puts $JAVA_HOME/bin first on the PATH and sets CHILLIN_JDK_NOTE to one line
# saying which JDK was taken when it was not the user's (empty otherwise). Else it prints ONE line, prefixed
# with NAME, saying what to install, and returns 1.

CHILLIN_JDK_MIN=21
CHILLIN_JDK_DEFAULT_SEARCH="/usr/lib/jvm:/usr/java:/opt/java:/opt:${HOME:-/nonexistent}/.sdkman/candidates/java:${HOME:-/nonexistent}/.jdks:/Library/Java/JavaVirtualMachines"

# The major version of a JDK home ("1.8.0_392" -> 8), from its release file (no JVM start), else from
# `java -version`; empty when neither says.
chillin_jdk_major() {
  _cj_version=""
  if [ -f "$1/release" ]; then
    _cj_version=$(sed -n 's/^JAVA_VERSION="\([0-9][0-9.]*\).*/\1/p' "$1/release" | head -n 1)
  fi
  if [ -z "$_cj_version" ] && [ -x "$1/bin/java" ]; then
    _cj_version=$("$1/bin/java" -version 2>&1 | sed -n 's/.* version "\([0-9][0-9.]*\).*/\1/p' | head -n 1)
  fi
  printf '%s\n' "$_cj_version" | sed 's/^1\.//; s/\..*//'
}

# Whether a folder is a JDK home that has TOOL and is new enough; its major version in _cj_major.
chillin_jdk_fits() {
  _cj_major=""
  [ -x "$1/bin/java" ] && [ -x "$1/bin/$2" ] || return 1
  _cj_major=$(chillin_jdk_major "$1")
  [ -n "$_cj_major" ] && [ "$_cj_major" -ge "$CHILLIN_JDK_MIN" ]
}

chillin_use_jdk() {
  JAVA_HOME="$1"
  export JAVA_HOME
  PATH="$JAVA_HOME/bin:$PATH"
  export PATH
}

chillin_pick_jdk() {
  _cj_tool="$1" _cj_name="$2"
  CHILLIN_JDK_NOTE=""
  _cj_given="JAVA_HOME unset"
  if [ -n "${JAVA_HOME-}" ]; then
    if chillin_jdk_fits "$JAVA_HOME" "$_cj_tool"; then
      chillin_use_jdk "$JAVA_HOME"
      return 0
    fi
    _cj_given="JAVA_HOME=$JAVA_HOME is ${_cj_major:-not a JDK with bin/$_cj_tool}"
  fi

  _cj_path_java=$(command -v java 2>/dev/null || :)
  if [ -n "$_cj_path_java" ]; then
    # the home behind /usr/bin/java and the like: follow the links to the real bin/java
    _cj_real=$(readlink -f "$_cj_path_java" 2>/dev/null || printf '%s\n' "$_cj_path_java")
    _cj_home=$(dirname "$(dirname "$_cj_real")")
    if chillin_jdk_fits "$_cj_home" "$_cj_tool"; then
      chillin_use_jdk "$_cj_home"
      return 0
    fi
    _cj_given="$_cj_given, java on the PATH is ${_cj_major:-older or without $_cj_tool}"
  else
    _cj_given="$_cj_given, no java on the PATH"
  fi

  _cj_best="" _cj_best_major=0
  _cj_search="${CHILLIN_JDK_SEARCH-$CHILLIN_JDK_DEFAULT_SEARCH}"
  # mvnw turns globbing off; the search needs it for a moment
  case $- in *f*) _cj_noglob=1 ;; *) _cj_noglob="" ;; esac
  set +f
  _cj_ifs="$IFS"
  IFS=:
  for _cj_dir in $_cj_search; do
    IFS="$_cj_ifs"
    [ -n "$_cj_dir" ] || continue
    for _cj_home in "$_cj_dir" "$_cj_dir"/* "$_cj_dir"/*/Contents/Home; do
      if chillin_jdk_fits "$_cj_home" "$_cj_tool" && [ "$_cj_major" -gt "$_cj_best_major" ]; then
        _cj_best="$_cj_home" _cj_best_major="$_cj_major"
      fi
    done
  done
  IFS="$_cj_ifs"
  [ -z "$_cj_noglob" ] || set -f

  if [ -z "$_cj_best" ]; then
    printf '%s\n' "$_cj_name: needs a JDK $CHILLIN_JDK_MIN or newer and found none ($_cj_given, none in $_cj_search): install one (e.g. Eclipse Temurin $CHILLIN_JDK_MIN) and set JAVA_HOME to it" >&2
    return 1
  fi
  chillin_use_jdk "$_cj_best"
  CHILLIN_JDK_NOTE="$_cj_name: using JDK $_cj_best_major at $_cj_best ($_cj_given)"
  return 0
}
