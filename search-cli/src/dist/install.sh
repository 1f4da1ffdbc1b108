#!/bin/sh
# Installs tpsearch from this unpacked distribution for one user, without Maven:
#   program      $PREFIX/lib/tpsearch/     (PREFIX defaults to ~/.local; your index stays in ~/.local/share)
#   command      $PREFIX/bin/tpsearch      (a link to the program's bin/tpsearch)
#   man pages    $PREFIX/share/man/man1/tpsearch*.1
#   completion   bash: $XDG_DATA_HOME/bash-completion/completions/tpsearch
#                zsh:  $PREFIX/share/zsh/site-functions/_tpsearch
#                fish: $XDG_DATA_HOME/fish/vendor_completions.d/tpsearch.fish
# Running it again (a newer version) replaces what it installed before. It never overwrites a
# file it did not install: it stops and names it. On JDK 25+ the first run of tpsearch (done here,
# as a check) makes the start-up cache.
#   ./install.sh [--prefix DIR] [--uninstall]
set -eu

here=$(cd "$(dirname "$0")" && pwd)
prefix="${PREFIX:-$HOME/.local}"
uninstall=0
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) prefix="$2"; shift 2 ;;
    --prefix=*) prefix="${1#--prefix=}"; shift ;;
    --uninstall) uninstall=1; shift ;;
    -h|--help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "install.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done
data="${XDG_DATA_HOME:-$HOME/.local/share}"
home="$prefix/lib/tpsearch"
manifest="$home/.installed-files"

# What a previous install wrote (absolute paths, one a line): only these may be replaced.
previous=""
if [ -f "$manifest" ]; then previous=$(cat "$manifest"); fi
ours() { printf '%s\n' "$previous" | grep -qxF "$1"; }

remove_previous() {
  if [ -n "$previous" ]; then
    printf '%s\n' "$previous" | while IFS= read -r f; do
      if [ -n "$f" ] && { [ -f "$f" ] || [ -L "$f" ]; }; then rm -f "$f"; fi
    done
  fi
  if [ -d "$home" ] && [ -f "$manifest" ]; then
    rm -rf "$home"
  fi
}

if [ "$uninstall" = 1 ]; then
  if [ ! -f "$manifest" ]; then echo "install.sh: no tpsearch installed under $prefix" >&2; exit 1; fi
  remove_previous
  echo "tpsearch removed from $prefix"
  exit 0
fi

[ -f "$here/bin/tpsearch" ] && [ -d "$here/lib" ] || { echo "install.sh: run me from an unpacked tpsearch distribution" >&2; exit 2; }

bin_link="$prefix/bin/tpsearch"
targets="$bin_link"
for page in "$here"/man/man1/*.1; do
  [ -f "$page" ] && targets="$targets
$prefix/share/man/man1/$(basename "$page")"
done
bash_file="$data/bash-completion/completions/tpsearch"
zsh_file="$prefix/share/zsh/site-functions/_tpsearch"
fish_file="$data/fish/vendor_completions.d/tpsearch.fish"
targets="$targets
$bash_file
$zsh_file
$fish_file"

# Refuse before touching anything when a target exists that we did not install.
conflict=$(printf '%s\n' "$targets" | while IFS= read -r f; do
  if { [ -e "$f" ] || [ -L "$f" ]; } && ! ours "$f"; then echo "$f"; fi
done)
if [ -d "$home" ] && [ ! -f "$manifest" ]; then conflict="$conflict
$home"; fi
if [ -n "$(printf '%s' "$conflict" | tr -d '\n')" ]; then
  echo "install.sh: not installing: these exist and were not installed by install.sh (move them away first):" >&2
  printf '%s\n' "$conflict" | sed '/^$/d; s/^/  /' >&2
  exit 3
fi

remove_previous
mkdir -p "$home" "$prefix/bin" "$prefix/share/man/man1" "$(dirname "$bash_file")" "$(dirname "$zsh_file")" "$(dirname "$fish_file")"
# The program: everything in this folder but its start-up and indexing caches (made again for the new place).
(cd "$here" && tar cf - --exclude='lib/tpsearch.aot*' --exclude='lib/tpsearch-index.aot*' --exclude='.built' --exclude='.installed-files' .) | (cd "$home" && tar xf -)
ln -s "$home/bin/tpsearch" "$bin_link"
for page in "$here"/man/man1/*.1; do
  [ -f "$page" ] && cp "$page" "$prefix/share/man/man1/"
done
cp "$here/completion/tpsearch.bash" "$bash_file"
cp "$here/completion/_tpsearch" "$zsh_file"
cp "$here/completion/tpsearch.fish" "$fish_file"
printf '%s\n' "$targets" > "$manifest"

echo "tpsearch installed in $home"
echo "  command:    $bin_link"
echo "  man pages:  $prefix/share/man/man1 (man tpsearch)"
echo "  completion: bash, zsh and fish"
# The check, and on JDK 25+ the start-up cache.
if ! "$bin_link" --version; then
  echo "install.sh: installed, but 'tpsearch --version' failed: is a JDK 21+ installed?" >&2
  exit 3
fi
case ":$PATH:" in
  *":$prefix/bin:"*) ;;
  *) echo "Add $prefix/bin to your PATH (for example in ~/.profile: export PATH=\"$prefix/bin:\$PATH\")." ;;
esac
case "${SHELL:-}" in
  */zsh) echo "zsh: add 'fpath=($prefix/share/zsh/site-functions \$fpath)' before compinit in ~/.zshrc." ;;
esac
