#!/usr/bin/env bash
# Renders every course chart to out/charts/*.png and *.html (gitignored) through headless Chromium,
# by running the chart browser tests. Needs /usr/bin/chromium (apt-get install -y chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet test tests/CourseKit.Tests --filter "FullyQualifiedName~CourseKit.Tests.Charts.ChartBrowserTests"
ls -1 out/charts/*.png
