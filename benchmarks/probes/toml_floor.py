"""Floor for lint: the same story files parsed by tomllib in bare Python, nothing else."""

import sys
import tomllib
from pathlib import Path

for path in sorted(Path(sys.argv[1]).glob("*.toml")):
    tomllib.loads(path.read_bytes().decode("utf-8"))
