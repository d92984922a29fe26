#!/usr/bin/env bash
# Refreshes docs/cards/*.png: every Teams card of the catalog, expanded with its sample data by CultureBot's
# engine, rendered by Microsoft's adaptivecards renderer with the Teams host config (card-render, Chromium).
# Usage: scripts/render-cards.sh [en|fr]
set -euo pipefail
cd "$(dirname "$0")/.."
lang="${1:-en}"
tools="${CULTUREBOT_PEER_TOOLS:-../shared/tools}"
work=$(mktemp -d)
dotnet build src/CultureBot.Host -c Release -o "$work/bot" >/dev/null
mkdir -p docs/cards
for template in cards/teams/*.json; do
  name=$(basename "$template" .json)
  dotnet "$work/bot/culturebot.dll" cards expand "$template" "cards/samples/$name.json" --lang "$lang" > "$work/$name.json"
  "$tools/card-render" "$work/$name.json" "docs/cards/$name.$lang.png" >/dev/null
  echo "docs/cards/$name.$lang.png"
done
