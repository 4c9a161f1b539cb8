"""Peak resident memory of a command: runs it as a child and prints the child's ru_maxrss in MB.

    python benchmarks/probes/peak_memory.py CMD ARG...
"""

import json
import resource
import subprocess
import sys

result = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
if result.returncode not in (0, 1):
    raise SystemExit(result.stderr.decode(errors="replace")[-2000:])
peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # kilobytes on Linux
print(json.dumps({"peak_mb": round(peak_kb / 1024, 1)}))
