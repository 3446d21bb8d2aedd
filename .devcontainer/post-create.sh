#!/usr/bin/env bash
# After the devcontainer or the Binder image is created: the README's one command, which builds the course libraries the
# notebooks #r (artifacts/lib) and installs the Jupyter kernel rnnnotebooks-csharp for this user, pointing at this build.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet run --project lib/RnnNotebooks.Cli -- kernel install --user
