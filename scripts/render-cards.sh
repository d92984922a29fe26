#!/usr/bin/env bash
# Refreshes docs/cards/*.png in English and French: each pictured card of the catalog, expanded with its sample data
# by CultureBot's engine (`culturebot cards expand`), rendered by Microsoft's adaptivecards renderer with the Teams
# host config (card-render, Chromium). Beside them, docs/cards/cards.sha256 records the SHA-256 of the exact expanded
# card JSON each picture was drawn from: CardPicturesTests expands the same cards and names the pictures that no
# longer match. Usage: scripts/render-cards.sh
set -euo pipefail
cd "$(dirname "$0")/.."
tools="${CULTUREBOT_PEER_TOOLS:-../shared/tools}"
# The cards the README shows; add a name here to picture another card.
cards="about finder-question help match-result notice persona persona-list welcome"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet build src/CultureBot.Host -c Release -o "$work/bot" >/dev/null
mkdir -p docs/cards
hashes="$work/cards.sha256"
echo "# SHA-256 of the card JSON each picture was rendered from: culturebot cards expand cards/teams/NAME.json cards/samples/NAME.json --lang LANG | sha256sum" > "$hashes"
echo "# Written by scripts/render-cards.sh (or scripts/screenshots.sh); checked by CardPicturesTests." >> "$hashes"
for lang in en fr; do
  for name in $cards; do
    dotnet "$work/bot/culturebot.dll" cards expand "cards/teams/$name.json" "cards/samples/$name.json" --lang "$lang" > "$work/$name.$lang.json"
    "$tools/card-render" "$work/$name.$lang.json" "docs/cards/$name.$lang.png" >/dev/null
    echo "$name.$lang.png $(sha256sum < "$work/$name.$lang.json" | cut -d' ' -f1)" >> "$hashes"
    echo "docs/cards/$name.$lang.png"
  done
done
cp "$hashes" docs/cards/cards.sha256
