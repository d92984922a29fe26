#!/usr/bin/env bash
# Refreshes docs/screenshots/*.png: runs the end-to-end scenario in the Agents Playground's browser mode
# (Teams' own card renderer, headless Chromium) and keeps the card pictures it takes.
set -euo pipefail
cd "$(dirname "$0")/.."
tools="${CULTUREBOT_PEER_TOOLS:-../shared/tools}"
out=$(mktemp -d)
data=$(mktemp -d)
dotnet build src/CultureBot.Host -c Release -o "$out/bot" >/dev/null
"$tools/teams-e2e" --mode browser --bot http://127.0.0.1:3978/api/messages \
  --scenario tests/e2e/welcome-help.json --out "$out/e2e" \
  --bot-cmd "exec dotnet '$out/bot/culturebot.dll' --data '$data' --urls http://127.0.0.1:3978"
mkdir -p docs/screenshots
cp "$out"/e2e/*.png docs/screenshots/
echo "updated: $(ls docs/screenshots)"
