"""Run one submitted notebook on a kernel held in by resource limits, for ``araz grade``.

What it does, for each submission:

* the kernel (and anything the student's code starts) runs in its **own session and process
  group** (``jupyter_client`` starts kernels with ``start_new_session``), with its working
  folder in a throwaway copy of the exercise folder; at the end the whole group is killed,
  so nothing the notebook spawned outlives its row;
* POSIX resource limits are set in the kernel process before it starts (``preexec_fn``) and
  are inherited by its children: address space (``RLIMIT_AS``, memory), CPU seconds
  (``RLIMIT_CPU``), processes and threads (``RLIMIT_NPROC``, counted per user, so the limit is
  the user's current count plus an allowance), size of any one file written
  (``RLIMIT_FSIZE``) and no core dumps;
* the output the grader keeps is capped: past ``output_mb`` the kernel is killed, so a
  notebook that prints gigabytes cannot fill the grader's memory.

Hitting a limit ends that notebook with a status that says which one (``memory limit``,
``cpu time limit``, ``file size limit``, ``too much output``, ``timeout``); the checks run
before that point still count. **This is not a security sandbox**: the code runs as the
grading user, can read what that user can read, write anywhere that user can write (outside
its folder too) and use the network. For untrusted submissions, grade inside a container
(docs/seminar_guide.md, "Grading safely").
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """Resource limits for one notebook's kernel. ``cpu_seconds=None`` means "the time limit plus 30 s"
    (a single thread cannot use more CPU than wall time, so the wall-clock timeout comes first for it;
    the CPU limit stops code that burns several cores at once, and any kernel that outlives the grader)."""

    memory_mb: int = 4096      # address space of the kernel process (RLIMIT_AS)
    cpu_seconds: int | None = None
    processes: int = 256       # processes and threads the kernel may add for this user (RLIMIT_NPROC)
    file_mb: int = 200         # largest file the kernel may write (RLIMIT_FSIZE)
    output_mb: float = 20      # text and data the notebook may send back before it is stopped

    def cpu_for(self, timeout: float) -> int:
        return int(self.cpu_seconds if self.cpu_seconds is not None else max(1, timeout) + 30)


def _user_tasks() -> int:
    """Processes and threads this user owns now (what RLIMIT_NPROC counts on Linux); 0 if unknown."""
    uid, n = os.getuid(), 0
    try:
        for entry in os.scandir("/proc"):
            if entry.name.isdigit():
                try:
                    if entry.stat().st_uid == uid:
                        n += len(os.listdir(f"/proc/{entry.name}/task"))
                except OSError:
                    continue
    except OSError:
        return 0
    return n


def _preexec(limits: Limits, cpu: int, nproc: int):
    """The function the kernel's child process runs before ``exec``: set the limits."""
    import resource

    def limit(which, soft: int, hard: int | None = None) -> None:
        # never ask for more than the grader itself may have (an administrator's `ulimit`): a
        # limit above the current hard limit would make the kernel fail to start at all
        _, current = resource.getrlimit(which)
        hard = soft if hard is None else hard
        if current != resource.RLIM_INFINITY:
            soft, hard = min(soft, current), min(hard, current)
        resource.setrlimit(which, (soft, hard))

    def apply():  # runs in the forked child, before exec; keep it to system calls
        limit(resource.RLIMIT_AS, limits.memory_mb * MB)
        # SIGXCPU at the soft limit; the hard limit (SIGKILL) follows if the signal is ignored
        limit(resource.RLIMIT_CPU, cpu, cpu + 5)
        limit(resource.RLIMIT_FSIZE, limits.file_mb * MB)
        limit(resource.RLIMIT_CORE, 0)
        if nproc:
            limit(resource.RLIMIT_NPROC, nproc)

    return apply


def _output_size(msg: dict) -> int:
    content = msg.get("content") or {}
    size = len(content.get("text", "") or "")
    for value in (content.get("data") or {}).values():
        size += len(value) if isinstance(value, str) else len(str(value))
    size += sum(len(line) for line in content.get("traceback", []) or [])
    return size


def _signal_name(code: int | None) -> str:
    if code is None or code >= 0:
        return f"exit status {code}"
    try:
        return signal.Signals(-code).name
    except ValueError:
        return f"signal {-code}"


def run_notebook(nb, workdir, progress_file, timeout: float, limits: Limits = Limits()) -> tuple[str, str, int]:
    """Execute ``nb`` in ``workdir`` on a fresh, limited python3 kernel; return (status, message, cell errors).

    Every code cell runs, even after one raises; the run stops when ``timeout`` seconds have
    passed in total or a limit is hit. Status: ``ok``, ``errors`` (some cells raised),
    ``timeout``, ``memory limit``, ``cpu time limit``, ``file size limit``, ``too much output``
    or ``failed to run``.
    """
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

    cap = int(limits.output_mb * MB)
    state = {"output": 0, "over": False, "pgid": None, "memory": False}

    class CappedClient(NotebookClient):
        def output(self, outs, msg, display_id, cell_index):
            state["output"] += _output_size(msg)
            # a MemoryError outside the cell's own code (e.g. the kernel failing to send a 1 GB print)
            # reaches us only as text on stderr
            content = msg.get("content") or {}
            if content.get("name") == "stderr" and "MemoryError" in (content.get("text") or ""):
                state["memory"] = True
            if state["output"] > cap:
                if not state["over"]:
                    state["over"] = True
                    _kill_group(state["pgid"])
                return None
            return super().output(outs, msg, display_id, cell_index)

    env = dict(os.environ)
    env["ARAZ_PROGRESS_FILE"] = str(progress_file)
    env.setdefault("MPLBACKEND", "Agg")
    env["ARAZ_PROGRESS"] = "0"
    cpu = limits.cpu_for(timeout)
    tasks = _user_tasks()
    nproc = tasks + limits.processes if tasks else 0
    kw = {"env": env, "cwd": str(workdir), "stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    if sys.platform != "win32":
        kw["preexec_fn"] = _preexec(limits, cpu, nproc)
    client = CappedClient(nb, timeout=max(1, int(timeout)), kernel_name="python3", allow_errors=False,
                          shutdown_kernel="immediate", resources={"metadata": {"path": str(workdir)}})
    deadline = time.monotonic() + timeout
    errors: list[str] = []
    status, message = "ok", ""
    memory_errors = file_errors = 0
    try:
        with client.setup_kernel(**kw):
            state["pgid"] = getattr(client.km.provisioner, "pgid", None)
            for index, cell in enumerate(nb.cells):
                if cell.get("cell_type") != "code":
                    continue
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    status, message = "timeout", f"stopped after {timeout:g} s, before cell {index + 1}"
                    break
                client.timeout = max(1, int(remaining + 0.999))
                try:
                    client.execute_cell(cell, index)
                except CellTimeoutError:
                    status, message = "timeout", f"stopped after {timeout:g} s, in cell {index + 1}"
                    break
                except DeadKernelError:
                    status, message = _why_dead(client, state, index, limits, cpu)
                    break
                except CellExecutionError as exc:
                    ename = getattr(exc, "ename", "")
                    memory_errors += ename == "MemoryError"
                    file_errors += "File too large" in (getattr(exc, "evalue", "") or "")
                    errors.append(f"cell {index + 1}: {_last_line(exc)}")
                if state["over"]:
                    status, message = _why_dead(client, state, index, limits, cpu)
                    break
    except Exception as exc:  # the kernel could not start, or died while shutting down
        if status == "ok":
            status, message = "failed to run", f"{type(exc).__name__}: {exc}"
    finally:
        _kill_group(state["pgid"])
    if status == "ok" and (memory_errors or state["memory"]):
        status, message = "memory limit", f"ran out of memory (limit {limits.memory_mb} MB)"
    elif status == "ok" and file_errors:
        status, message = "file size limit", f"wrote a file past the limit ({limits.file_mb} MB)"
    elif errors and status == "ok":
        status = "errors"
    if errors:
        more = f" (+{len(errors) - 3} more)" if len(errors) > 3 else ""
        message = "; ".join(filter(None, [message, "; ".join(errors[:3]) + more]))
    return status, message, len(errors)


def _why_dead(client, state, index: int, limits: Limits, cpu: int) -> tuple[str, str]:
    where = f"in cell {index + 1}"
    if state["over"]:
        return "too much output", f"stopped {where}: more than {limits.output_mb:g} MB of output"
    code = _exit_code(client)
    if code == -signal.SIGXCPU:
        return "cpu time limit", f"stopped {where}: used its {cpu} s of CPU time"
    if code == -signal.SIGXFSZ:
        return "file size limit", f"stopped {where}: wrote a file past {limits.file_mb} MB"
    if code in (-signal.SIGSEGV, -signal.SIGABRT, -signal.SIGBUS):
        return "memory limit", f"the kernel crashed {where} ({_signal_name(code)}), most likely out of memory " \
                               f"(limit {limits.memory_mb} MB)"
    if code == -signal.SIGKILL:
        return "failed to run", (f"the kernel was killed {where} (SIGKILL: the CPU-time hard limit, or the machine "
                                 f"ran out of memory)")
    return "failed to run", f"the kernel died {where} ({_signal_name(code)})"


def _exit_code(client) -> int | None:
    proc = getattr(getattr(getattr(client, "km", None), "provisioner", None), "process", None)
    if proc is None:
        return None
    try:
        return proc.wait(timeout=5)
    except Exception:
        return proc.poll()


def _kill_group(pgid: int | None) -> None:
    """Kill the kernel's process group: the kernel and whatever the notebook started."""
    if pgid and hasattr(os, "killpg") and pgid != os.getpgid(0):
        try:
            os.killpg(pgid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass


def _last_line(exc: Exception) -> str:
    ename = getattr(exc, "ename", "") or type(exc).__name__
    evalue = getattr(exc, "evalue", "") or ""
    text = f"{ename}: {evalue}".strip().rstrip(":")
    return text[:200]
