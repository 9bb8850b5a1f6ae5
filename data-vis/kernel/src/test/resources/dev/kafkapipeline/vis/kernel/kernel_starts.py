"""Starts a Jupyter kernel N times and counts the starts that answer ONE kernel_info_request.

jupyter_client's wait_for_ready re-sends kernel_info every second and so hides a
kernel that drops its first request; this sends exactly one per start.
Kernel specs are found through JUPYTER_PATH. Prints one JSON line:
{"starts": N, "replies": k, "failures": [...]}.
Usage: kernel_starts.py <kernel_name> <starts> <timeout_seconds>
"""
import json
import sys
from queue import Empty
import time

from jupyter_client import KernelManager


def start_once(name, timeout):
    km = KernelManager(kernel_name=name)
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    try:
        msg_id = kc.kernel_info()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if not km.is_alive():
                return "kernel process exited"
            try:
                msg = kc.get_shell_msg(timeout=0.5)
            except Empty:
                continue
            if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "kernel_info_reply":
                return None
        return "no kernel_info_reply within %ss" % timeout
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def main():
    name, starts, timeout = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
    failures = []
    for i in range(starts):
        failure = start_once(name, timeout)
        if failure:
            failures.append("start %d: %s" % (i + 1, failure))
    print(json.dumps({"starts": starts, "replies": starts - len(failures), "failures": failures}))


if __name__ == "__main__":
    main()
