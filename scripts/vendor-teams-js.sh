#!/usr/bin/env bash
# Puts Microsoft's Teams JavaScript library (TeamsJS), one exact version, beside the studio's own scripts:
#   scripts/vendor-teams-js.sh 2.55.0
# npm checks the package against the registry's integrity hash; the tab then loads it from the host itself (no CDN,
# so nothing to trust but the file the host serves). Change TeamsTab.TeamsJavaScript and the test's hash to match.
set -euo pipefail
version="${1:?usage: scripts/vendor-teams-js.sh VERSION}"
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "@microsoft/teams-js@$version" >/dev/null && tar xzf ./*.tgz)
target="$root/src/CultureBot.Studio/wwwroot/lib/teams-js/$version"
mkdir -p "$target"
cp "$work/package/dist/umd/MicrosoftTeams.min.js" "$work/package/LICENSE" "$target/"
echo "sha512-$(openssl dgst -sha512 -binary "$target/MicrosoftTeams.min.js" | base64 -w0)  $target/MicrosoftTeams.min.js"
