"""Robustness checks of the RnnNotebooks kernel, driven by jupyter_client (the real Jupyter client).

Each check prints one JSON line with what it measured; the xunit tests (KernelRobustnessTests) assert on it.
    python3 robustness.py soak N          N executes in one kernel, then 2N protocol-only requests: RSS and managed memory
    python3 robustness.py interrupt       interrupt a `while (true) { }` cell and a Thread.Sleep cell
    python3 robustness.py bad-signature   a wrongly signed execute_request is not executed; a good one is
    python3 robustness.py orphan          prints the kernel's pid, then this client dies by SIGKILL
    python3 robustness.py unbuilt DIR     in a kernel started in DIR, a cell that #r's ../artifacts/lib (not there), then 6 * 7
The kernelspec rnnnotebooks-csharp must be on JUPYTER_PATH.
"""
import json
import os
import signal
import sys
import tempfile
import time

from jupyter_client.manager import start_new_kernel
from jupyter_client.session import Session

KERNEL = "rnnnotebooks-csharp"


def execute(kc, code, timeout=60):
    """Runs code; returns (reply content, text/plain of the result or '')."""
    msg_id = kc.execute(code)
    reply = kc.get_shell_msg(timeout=timeout)
    while reply["parent_header"].get("msg_id") != msg_id:
        reply = kc.get_shell_msg(timeout=timeout)
    result = ""
    while True:
        msg = kc.get_iopub_msg(timeout=timeout)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] == "execute_result":
            result = msg["content"]["data"].get("text/plain", "")
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            return reply["content"], result


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise RuntimeError("no VmRSS")


def managed_bytes(kc):
    _, text = execute(kc, "GC.Collect(); GC.WaitForPendingFinalizers(); GC.Collect(); GC.GetTotalMemory(true)")
    return int(text)


def soak(n):
    km, kc = start_new_kernel(kernel_name=KERNEL)
    try:
        pid = km.provisioner.process.pid
        for i in range(100):  # warm up: the JIT, Roslyn's caches
            execute(kc, f"var w{i % 10} = new double[100]; w{i % 10}.Length")
        before = (rss_kib(pid), managed_bytes(kc))
        started = time.monotonic()
        failures = 0
        for i in range(n):
            content, _ = execute(kc, f"var x = Enumerable.Range(0, 1000).Select(k => k * {i}).ToArray(); x.Length")
            failures += content["status"] != "ok"
        seconds = time.monotonic() - started
        after = (rss_kib(pid), managed_bytes(kc))
        for _ in range(n):  # the protocol alone, no compilation: kernel_info and is_complete round trips
            kc.kernel_info()
            kc.get_shell_msg(timeout=30)
            kc.is_complete("if (true) {")
            kc.get_shell_msg(timeout=30)
        protocol = (rss_kib(pid), managed_bytes(kc))
        print(json.dumps({
            "executes": n, "failures": failures, "seconds": round(seconds, 1),
            "rss_before_mib": round(before[0] / 1024, 1), "rss_after_mib": round(after[0] / 1024, 1),
            "managed_before_mib": round(before[1] / 2**20, 1), "managed_after_mib": round(after[1] / 2**20, 1),
            "protocol_requests": 2 * n,
            "rss_after_protocol_mib": round(protocol[0] / 1024, 1), "managed_after_protocol_mib": round(protocol[1] / 2**20, 1),
        }))
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def interrupted(kc, km, code, wait):
    msg_id = kc.execute(code)
    time.sleep(wait)
    started = time.monotonic()
    km.interrupt_kernel()
    reply = kc.get_shell_msg(timeout=30)
    while reply["parent_header"].get("msg_id") != msg_id:
        reply = kc.get_shell_msg(timeout=30)
    c = reply["content"]
    return {"status": c["status"], "ename": c.get("ename"), "evalue": c.get("evalue"),
            "seconds_to_reply": round(time.monotonic() - started, 2)}


def interrupt():
    km, kc = start_new_kernel(kernel_name=KERNEL)
    try:
        execute(kc, "1")
        loop = interrupted(kc, km, "long spins = 0;\nwhile (true) { spins++; }", 2)
        after_loop = execute(kc, "6 * 7")[1]
        sleep = interrupted(kc, km, "System.Threading.Thread.Sleep(6000);", 1)
        started = time.monotonic()
        after_sleep = execute(kc, "6 * 7")[1]
        print(json.dumps({"loop": loop, "after_loop": after_loop, "sleep": sleep,
                          "after_sleep": after_sleep, "after_sleep_waited": round(time.monotonic() - started, 2)}))
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def bad_signature():
    km, kc = start_new_kernel(kernel_name=KERNEL)
    marker = os.path.join(tempfile.mkdtemp(), "executed.txt")
    try:
        code = f'System.IO.File.WriteAllText(@"{marker}", "ran")'
        forger = Session(key=b"not-the-key", username="forger")
        forged = forger.msg("execute_request", {
            "code": code, "silent": False, "store_history": True, "user_expressions": {}, "allow_stdin": False, "stop_on_error": True})
        forger.send(kc.shell_channel.socket, forged)
        forged_reply = False
        deadline = time.monotonic() + 3
        while time.monotonic() < deadline:
            try:
                reply = kc.get_shell_msg(timeout=max(0.1, deadline - time.monotonic()))
            except Exception:
                break
            forged_reply |= reply["parent_header"].get("msg_id") == forged["header"]["msg_id"]
        forged_ran = os.path.exists(marker)
        content, _ = execute(kc, code)
        print(json.dumps({"forged_reply": forged_reply, "forged_ran": forged_ran,
                          "signed_status": content["status"], "signed_ran": os.path.exists(marker)}))
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def unbuilt(folder):
    """A notebook's first cell run where ../artifacts/lib does not exist: the reply, the error and every stream output."""
    km, kc = start_new_kernel(kernel_name=KERNEL, cwd=folder)
    try:
        code = '#r "../artifacts/lib/RnnNotebooks.dll"\n#r "../artifacts/lib/RnnNotebooks.Scripts.dll"\nusing RnnNotebooks;'
        msg_id = kc.execute(code)
        reply = kc.get_shell_msg(timeout=60)
        while reply["parent_header"].get("msg_id") != msg_id:
            reply = kc.get_shell_msg(timeout=60)
        published = []
        while True:
            msg = kc.get_iopub_msg(timeout=60)
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                break
            if msg["msg_type"] in ("error", "stream", "execute_result", "display_data"):
                published.append({"type": msg["msg_type"], "content": msg["content"]})
        c = reply["content"]
        after = execute(kc, "6 * 7")[1]
        print(json.dumps({"status": c["status"], "ename": c.get("ename"), "evalue": c.get("evalue"),
                          "traceback": c.get("traceback"), "published": published, "after": after}))
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def orphan():
    km, kc = start_new_kernel(kernel_name=KERNEL)
    print(json.dumps({"kernel_pid": km.provisioner.process.pid}), flush=True)
    os.kill(os.getpid(), signal.SIGKILL)


if __name__ == "__main__":
    command = sys.argv[1]
    if command == "soak":
        soak(int(sys.argv[2]))
    elif command == "interrupt":
        interrupt()
    elif command == "bad-signature":
        bad_signature()
    elif command == "orphan":
        orphan()
    elif command == "unbuilt":
        unbuilt(sys.argv[2])
    else:
        sys.exit(f"unknown check {command!r}")
