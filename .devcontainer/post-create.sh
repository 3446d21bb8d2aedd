#!/usr/bin/env bash
# After the devcontainer or the Binder image is created: build the course (the notebooks #r its artifacts/),
# then install the Jupyter kernel rnnnotebooks-csharp for this user, pointing at this build.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build RnnNotebooks.sln
dotnet artifacts/bin/RnnNotebooks.Cli/debug/rnnbook.dll kernel install --user
