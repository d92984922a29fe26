#!/usr/bin/env bash
# Refreshes every picture of the documentation, in one go:
#   - docs/screenshots/*.png: every screenshot the end-to-end scenarios (tests/e2e) take in the Agents Playground's
#     browser mode (Teams' own card renderer, headless Chromium). The pictures come from the test run itself
#     (PlaygroundTests, browser mode), so each scenario runs exactly as the tests run it (the test host and its
#     clock for onboarding and committee) and a picture is only kept when its scenario passed;
#   - docs/studio/*.png: the studio's pages as its browser tests (tests/CultureBot.Host.Tests/Studio) leave them;
#   - docs/cards/*.png and docs/cards/cards.sha256, both languages (scripts/render-cards.sh).
# Needs Chromium and the peer tools: eval "$(bash scripts/test-deps.sh)" first. Slow (a quarter of an hour or more).
set -euo pipefail
cd "$(dirname "$0")/.."
export CULTUREBOT_PEER_TOOLS="${CULTUREBOT_PEER_TOOLS:-$(cd ../shared/tools 2>/dev/null && pwd)}"
# A run with the peers missing would skip the scenarios and leave no picture: CI mode makes that a failure.
export CI=true
rm -rf artifacts/e2e/*-browser
dotnet test tests/CultureBot.Host.Tests --filter "FullyQualifiedName~EndToEnd.PlaygroundTests&DisplayName~browser"
shots=$(find artifacts/e2e -path '*-browser/*.png' ! -name 'FAILED-*' | sort)
[ -n "$shots" ] || { echo "no screenshots were taken" >&2; exit 1; }
rm -f docs/screenshots/*.png
mkdir -p docs/screenshots
for shot in $shots; do cp "$shot" docs/screenshots/; done
echo "updated: $(ls docs/screenshots | tr '\n' ' ')"
rm -rf artifacts/studio
dotnet test tests/CultureBot.Host.Tests --filter "FullyQualifiedName~Studio"
rm -f docs/studio/*.png
mkdir -p docs/studio
cp artifacts/studio/*.png docs/studio/
echo "updated: $(ls docs/studio | tr '\n' ' ')"
scripts/render-cards.sh
