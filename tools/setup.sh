#!/usr/bin/env bash
# One script behind the README's commands, so the README, CI and a fresh machine agree.
#   bash tools/setup.sh run    install into .venv, then start the station window
#   bash tools/setup.sh test   install into .venv (with test tools), lint (ruff, import contracts,
#                              mypy on the Qt-free rooms), run the test suite
#   bash tools/setup.sh bundle install build tools and build the PyInstaller one-folder bundle
#   bash tools/setup.sh bundle-test  build the bundle and run its slow tests (a separate CI step)
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-run}"
PY="${PYTHON:-python3}"
[ -x .venv/bin/python ] || "$PY" -m venv .venv
VPY=.venv/bin/python
# torch first, pinned: on the reference machine 2.13.0 is a CPU wheel on local disk. Any torch
# that pyproject's range admits works (a CUDA build for GPU stations).
"$VPY" -m pip install -q --disable-pip-version-check "torch==${QCS_TORCH_VERSION:-2.13.0}"
# The bundle ships a subset of Noto Sans CJK (zh_CN/ja/ko render on a PC without CJK fonts): the
# build cuts it from Debian's fonts-noto-cjk, installed here when missing and we may (root + apt).
need_cjk_font() {
  [ -e /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc ] && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q fonts-noto-cjk >/dev/null 2>&1 \
      || { apt-get update -q >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q fonts-noto-cjk >/dev/null; }
  else
    echo "setup.sh: the bundle needs the Debian package fonts-noto-cjk (sudo apt-get install fonts-noto-cjk)" >&2
  fi
}
case "$mode" in
  run)
    "$VPY" -m pip install -q --disable-pip-version-check -e .
    exec "$VPY" main.py "${@:2}"
    ;;
  test)
    "$VPY" -m pip install -q --disable-pip-version-check -e ".[dev]"
    "$VPY" -m ruff check .
    .venv/bin/lint-imports --no-cache
    "$VPY" -m mypy
    QT_QPA_PLATFORM=offscreen "$VPY" -m pytest -q -m "not slow" --timeout=900 "${@:2}"
    ;;
  bundle)
    need_cjk_font
    "$VPY" -m pip install -q --disable-pip-version-check -e ".[build]"
    exec "$VPY" build/build_bundle.py "${@:2}"
    ;;
  bundle-test)
    need_cjk_font
    "$VPY" -m pip install -q --disable-pip-version-check -e ".[dev,build]"
    "$VPY" build/build_bundle.py
    QCS_BUNDLE=build/out/qcstation "$VPY" -m pytest -q -m slow tests/test_bundle.py --timeout=1800
    ;;
  *) echo "usage: tools/setup.sh run|test|bundle|bundle-test" >&2; exit 2 ;;
esac
