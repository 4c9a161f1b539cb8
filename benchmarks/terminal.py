"""Timing whole programs from outside, in a real terminal, as a user sees them.

A private tmux server (its own socket, no user configuration) gives every run a fresh terminal of
a fixed size. The clock starts just before tmux is asked to start the program and stops when:

- `first_text`: the terminal shows any of the given texts (polled with `tmux capture-pane`), so
  start-up is measured up to the first frame the user can read, not up to some point inside the
  program that it chooses to report;
- `until_exit`: the program has exited (it signals a tmux channel as it ends), with its output
  written to the terminal rather than a pipe.

Both include what tmux itself adds (creating the session, a shell exec, polling), the same for a
program and its floor; only ratios taken in the same run mean anything.
"""

from __future__ import annotations

import itertools
import os
import shlex
import shutil
import subprocess
import time

POLL_SECONDS = 0.004  # between screen captures; also the measure's resolution


class TmuxUnavailable(RuntimeError):
    pass


class Terminal:
    """A private tmux server whose sessions are `width` x `height` terminals."""

    def __init__(self, width: int = 120, height: int = 40) -> None:
        if shutil.which("tmux") is None:
            raise TmuxUnavailable("tmux is not installed: the terminal measures need it")
        self.width, self.height = width, height
        self.socket = f"storybank-bench-{os.getpid()}"
        self._names = (f"run{n}" for n in itertools.count())
        # A session that lives as long as the benchmark keeps the server up, so each run pays for
        # a new session, never for starting the server.
        self._tmux("-f", "/dev/null", "new-session", "-d", "-s", "keep", "-x", str(width),
                   "-y", str(height), "sleep 86400")
        self._tmux("set-option", "-g", "default-shell", "/bin/sh")

    def _tmux(self, *args: str, **kwargs) -> subprocess.CompletedProcess:
        return subprocess.run(["tmux", "-L", self.socket, *args], check=True, **kwargs)

    def _start(self, name: str, shell: str) -> None:
        self._tmux("new-session", "-d", "-s", name, "-x", str(self.width), "-y", str(self.height),
                   shell)

    def _kill(self, name: str) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-session", "-t", name],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)

    def screen(self, name: str) -> str:
        return self._tmux("capture-pane", "-p", "-t", name, capture_output=True, text=True).stdout

    def first_text(self, command: list[str], texts: list[str], env: dict[str, str] | None = None,
                   timeout: float = 120.0) -> float:
        """Seconds from asking tmux to start `command` until any of `texts` is on the screen."""
        name = next(self._names)
        shell = _shell(command, env)
        start = time.perf_counter()
        self._start(name, shell)
        try:
            while True:
                screen = self.screen(name)
                if any(text in screen for text in texts):
                    return time.perf_counter() - start
                if time.perf_counter() - start > timeout:
                    raise RuntimeError(f"{shlex.join(command)} never showed {texts[0]!r}; its "
                                       f"screen:\n{screen}")
                time.sleep(POLL_SECONDS)
        finally:
            self._kill(name)

    def until_exit(self, command: list[str], env: dict[str, str] | None = None) -> float:
        """Seconds from asking tmux to start `command` until it has exited."""
        name = next(self._names)
        done = f"{self.socket}-{name}-done"
        shell = f"{_shell(command, env, exec_=False)}; tmux -L {self.socket} wait-for -S {done}"
        start = time.perf_counter()
        self._start(name, shell)
        try:
            # A signal sent before anyone waits is remembered, so this cannot miss a fast exit.
            self._tmux("wait-for", done, timeout=600)
            return time.perf_counter() - start
        finally:
            self._kill(name)

    def close(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, check=False)

    def __enter__(self) -> Terminal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _shell(command: list[str], env: dict[str, str] | None, exec_: bool = True) -> str:
    """The shell line tmux runs: the command (with its environment) replacing the shell."""
    words = ["exec"] if exec_ else []
    words += ["env", *(f"{k}={shlex.quote(v)}" for k, v in (env or {}).items()), shlex.join(command)]
    return " ".join(words)
