#!/usr/bin/env bash
# The README's test command: makes sure everything the tests need is here (installing it where it can),
# names what is missing where it cannot, then runs the test suite. `.ci/run` calls this script.
#
#   bash scripts/test.sh            # everything: installs what is missing, then `dotnet test CourseKit.sln`
#   bash scripts/test.sh --fast     # no installs; skips the real-kernel lane and the tests marked slow
#   bash scripts/test.sh --check    # only reports what is missing; changes nothing
#   extra arguments go to `dotnet test`, e.g. bash scripts/test.sh --filter "FullyQualifiedName~Grading"
set -euo pipefail
cd "$(dirname "$0")/.."

readonly INTERACTIVE_VERSION=1.0.712001
readonly KERNEL=.net-csharp
TOOLS="$HOME/.dotnet/tools"
export PATH="$PATH:$TOOLS"

mode=full
args=()
for arg in "$@"; do
  case "$arg" in
    --fast) mode=fast ;;
    --check) mode=check ;;
    *) args+=("$arg") ;;
  esac
done

say() { printf 'scripts/test.sh: %s\n' "$*" >&2; }

command -v dotnet >/dev/null 2>&1 || { say "the .NET 10 SDK is missing (https://dot.net); nothing else can run without it."; exit 1; }

if [ "$mode" = fast ]; then
  exec dotnet test CourseKit.sln --filter "Category!=Slow&Category!=RealKernel" "${args[@]}"
fi

# Debian packages: independent Jupyter tools (nbformat, nbconvert, jupyter_client, jupyter_kernel_test) under /usr/bin/python3,
# Chromium for the browser tests and bubblewrap for the grading sandbox.
missing_packages() {
  local need=()
  /usr/bin/python3 -c 'import nbformat' 2>/dev/null || need+=(python3-nbformat)
  [ -x /usr/bin/jupyter-nbconvert ] || need+=(jupyter-nbconvert)
  /usr/bin/python3 -c 'import jupyter_client' 2>/dev/null || need+=(python3-jupyter-client)
  /usr/bin/python3 -c 'import jupyter_kernel_test' 2>/dev/null || need+=(python3-jupyter-kernel-test)
  [ -x /usr/bin/chromium ] || need+=(chromium)
  command -v bwrap >/dev/null 2>&1 || need+=(bubblewrap)
  echo "${need[@]}"
}

interactive_version() { dotnet-interactive --version 2>/dev/null | head -n1 | cut -d+ -f1 || true; }

kernel_registered() {
  /usr/bin/python3 -c "from jupyter_client.kernelspec import KernelSpecManager; KernelSpecManager().get_kernel_spec('$KERNEL')" 2>/dev/null
}

report() {
  local problems=()
  local packages; packages=$(missing_packages)
  [ -z "$packages" ] || problems+=("Debian packages: $packages (apt-get install $packages)")
  local version; version=$(interactive_version)
  [ "$version" = "$INTERACTIVE_VERSION" ] || problems+=("dotnet-interactive $INTERACTIVE_VERSION (found: ${version:-none}; dotnet tool install -g Microsoft.dotnet-interactive --version $INTERACTIVE_VERSION)")
  kernel_registered || problems+=("the Jupyter kernel $KERNEL (mkdir -p ~/.local/share/jupyter/kernels && dotnet interactive jupyter install)")
  if [ ${#problems[@]} -gt 0 ]; then
    for problem in "${problems[@]}"; do say "missing: $problem"; done
    return 1
  fi
}

if [ "$mode" = check ]; then
  report && say "everything the tests need is here."
  exit $?
fi

packages=$(missing_packages)
if [ -n "$packages" ]; then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO="sudo"
    else say "cannot install Debian packages without root: run as root, or: sudo apt-get install $packages"; report || true; exit 1; fi
  fi
  say "installing Debian packages: $packages"
  $SUDO apt-get update -qq
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $packages >/dev/null
fi

version=$(interactive_version)
if [ -z "$version" ]; then
  say "installing dotnet-interactive $INTERACTIVE_VERSION (the real .NET Interactive kernel students run)"
  dotnet tool install -g Microsoft.dotnet-interactive --version "$INTERACTIVE_VERSION" >/dev/null
elif [ "$version" != "$INTERACTIVE_VERSION" ]; then
  say "dotnet-interactive $version found; installing $INTERACTIVE_VERSION, the version the course is tested with"
  dotnet tool update -g Microsoft.dotnet-interactive --version "$INTERACTIVE_VERSION" --allow-downgrade >/dev/null
fi

if ! kernel_registered; then
  say "registering the Jupyter kernel $KERNEL"
  mkdir -p "$HOME/.local/share/jupyter/kernels"
  dotnet interactive jupyter install >/dev/null
fi

report || exit 1

# With everything installed, a missing kernel is a failure of the lane, never a skip.
export COURSEKIT_REQUIRE_REAL_KERNEL=1
exec dotnet test CourseKit.sln "${args[@]}"
