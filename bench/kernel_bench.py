#!/usr/bin/python3
"""Times the real .NET Interactive kernel for CourseKit.Bench --vs-kernel (bench/README.md).

  kernel_bench.py notebooks --out DIR [--jobs N] [--kernel K] [--timeout S] NOTEBOOK...
      Executes each notebook with `jupyter-nbconvert --to notebook --execute --allow-errors` (a new
      Python process and a new kernel per notebook, as a student or CI would run it), N at a time
      (default 1). A notebook whose kernel died at start on a port clash is run again; the time of
      such tries is reported as clash_seconds.
  kernel_bench.py first-result [--repeat R] [--kernel K]
      From KernelManager.start_kernel until the execute_result of `1 + 1` arrives, R times.
  kernel_bench.py compare-first-result [--repeat R] KERNEL...
      first-result for each kernel in one run, the kernels taking turns, with each kernel's median and its
      ratio to the first kernel's (e.g. coursekit-csharp .net-csharp).

Prints one JSON object on stdout; nbconvert's own output goes to DIR/<i>/nbconvert.log.
Needs Debian's python3-jupyter-client and jupyter-nbconvert (run with /usr/bin/python3).
"""
import argparse
import json
import os
import queue
import re
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor

TOOLS = os.path.expanduser("~/.dotnet/tools")


def with_dotnet_tools():
    # The .net-csharp kernelspec starts `dotnet interactive`, which lives in ~/.dotnet/tools.
    path = os.environ.get("PATH", "")
    if os.path.isdir(TOOLS) and TOOLS not in path.split(os.pathsep):
        os.environ["PATH"] = path + os.pathsep + TOOLS


# `dotnet interactive jupyter` picks a free port in --http-port-range, then binds it: two kernels starting at the
# same moment (ours or anyone else's on the machine) can pick the same one, and the later one dies at start.
MAX_RETRIES = 3


def port_clash(log_path):
    with open(log_path, "rb") as log:
        return b"address already in use" in log.read().lower()


def nbconvert_command():
    for candidate in ("/usr/bin/jupyter-nbconvert",):
        if os.path.exists(candidate):
            return [candidate]
    return [sys.executable, "-m", "nbconvert"]


def run_notebooks(args):
    os.makedirs(args.out, exist_ok=True)

    def one(index, notebook):
        out_dir = os.path.join(args.out, str(index))
        os.makedirs(out_dir, exist_ok=True)
        command = nbconvert_command() + [
            "--to", "notebook", "--execute",
            f"--ExecutePreprocessor.kernel_name={args.kernel}",
            f"--ExecutePreprocessor.timeout={args.timeout}",
            "--allow-errors", notebook, "--output-dir", out_dir]
        log_path = os.path.join(out_dir, "nbconvert.log")
        start = time.perf_counter()
        retries = 0
        clash_seconds = 0.0
        while True:
            tried = time.perf_counter()
            with open(log_path, "wb") as log:
                code = subprocess.call(command, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
            if code == 0 or retries >= MAX_RETRIES or not port_clash(log_path):
                break
            retries += 1
            clash_seconds += time.perf_counter() - tried
            os.replace(log_path, os.path.join(out_dir, f"nbconvert.port-clash-{retries}.log"))
        seconds = time.perf_counter() - start
        return {"path": notebook, "output": os.path.join(out_dir, os.path.basename(notebook)),
                "seconds": seconds, "exit_code": code, "retries": retries, "clash_seconds": clash_seconds}

    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        results = list(pool.map(lambda pair: one(*pair), enumerate(args.notebooks)))
    return {"seconds": time.perf_counter() - start, "jobs": args.jobs, "notebooks": results,
            "clash_seconds": sum(r["clash_seconds"] for r in results)}


class KernelDied(Exception):
    pass


def wait_for(manager, get, parent_id, wanted, deadline):
    """Reads messages until one answering parent_id has a type in wanted; returns it."""
    while True:
        left = deadline - time.perf_counter()
        if left <= 0:
            raise TimeoutError(f"no {'/'.join(wanted)} before the deadline")
        try:
            message = get(timeout=min(left, 0.5))
        except queue.Empty:
            if not manager.is_alive():
                raise KernelDied()
            continue
        if message.get("parent_header", {}).get("msg_id") != parent_id:
            continue
        if message["msg_type"] in wanted:
            return message


def shown_text(data):
    # .NET Interactive sends `1 + 1` as text/html only: <div class="dni-plaintext"><pre>2</pre></div>.
    if "text/plain" in data:
        return data["text/plain"]
    shown = re.search(r"<pre>(.*?)</pre>", data.get("text/html", ""), re.S)
    return shown.group(1) if shown else ",".join(sorted(data))


def first_result_once(kernel, timeout):
    from jupyter_client import KernelManager

    with tempfile.TemporaryDirectory(prefix="kernel-bench-") as cwd:
        manager = KernelManager(kernel_name=kernel)
        start = time.perf_counter()
        manager.start_kernel(cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        client = manager.client()
        try:
            client.start_channels()
            deadline = start + timeout
            info_id = client.kernel_info()
            wait_for(manager, client.get_shell_msg, info_id, ("kernel_info_reply",), deadline)
            info = time.perf_counter()
            run_id = client.execute("1 + 1")
            message = wait_for(manager, client.get_iopub_msg, run_id, ("execute_result", "error"), deadline)
            result = time.perf_counter()
            if message["msg_type"] == "error":
                value = "error: " + message["content"].get("evalue", "")
            else:
                value = shown_text(message["content"]["data"])
            return {"start_to_info": info - start, "info_to_result": result - info,
                    "start_to_result": result - start, "value": value}
        finally:
            client.stop_channels()
            manager.shutdown_kernel(now=True)


def first_result_retried(kernel, timeout):
    # A kernel that died before answering (see MAX_RETRIES) is started again; the run says how often.
    for retries in range(MAX_RETRIES + 1):
        try:
            return dict(first_result_once(kernel, timeout), retries=retries)
        except KernelDied:
            if retries == MAX_RETRIES:
                raise


def first_result(args):
    return {"runs": [first_result_retried(args.kernel, args.timeout) for _ in range(args.repeat)]}


def compare_first_result(args):
    runs = {kernel: [] for kernel in args.kernels}
    for _ in range(args.repeat):
        for kernel in args.kernels:
            runs[kernel].append(first_result_retried(kernel, args.timeout))
    medians = {k: statistics.median(r["start_to_result"] for r in v) for k, v in runs.items()}
    first = args.kernels[0]
    return {"repeat": args.repeat,
            "kernels": {k: {"median_start_to_result": medians[k],
                            "median_start_to_info": statistics.median(r["start_to_info"] for r in runs[k]),
                            "ratio_to_" + first: medians[k] / medians[first],
                            "values": sorted({r["value"] for r in runs[k]}), "runs": runs[k]} for k in args.kernels}}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kernel", default=".net-csharp")
    parser.add_argument("--timeout", type=int, default=600, help="seconds, per cell (notebooks) or per run")
    commands = parser.add_subparsers(dest="command", required=True)
    notebooks = commands.add_parser("notebooks")
    notebooks.add_argument("--out", required=True)
    notebooks.add_argument("--jobs", type=int, default=1)
    notebooks.add_argument("notebooks", nargs="+")
    repeat = commands.add_parser("first-result")
    repeat.add_argument("--repeat", type=int, default=1)
    compare = commands.add_parser("compare-first-result")
    compare.add_argument("--repeat", type=int, default=5)
    compare.add_argument("kernels", nargs="+")
    args = parser.parse_args()

    with_dotnet_tools()
    report = (run_notebooks(args) if args.command == "notebooks"
              else compare_first_result(args) if args.command == "compare-first-result" else first_result(args))
    print(json.dumps(report))


if __name__ == "__main__":
    main()
