#!/usr/bin/python3
"""The coursekit-csharp kernel through jupyter_client: interrupt, restart, a 10 MB output, crashes and bad messages.

Run with JUPYTER_PATH pointing at a folder holding the kernelspec (KernelTests.cs does that).
"""
import time
import unittest
from queue import Empty

import zmq
from jupyter_client import KernelManager
from jupyter_client.session import Session

KERNEL = "coursekit-csharp"
STATE_LOST = "state was lost"


class KernelBehaviour(unittest.TestCase):
    def setUp(self):
        self.km = KernelManager(kernel_name=KERNEL)
        self.km.start_kernel()
        self.kc = self.km.client()
        self.kc.start_channels()
        self.kc.wait_for_ready(timeout=60)

    def tearDown(self):
        self.kc.stop_channels()
        self.km.shutdown_kernel(now=True)

    def run_cell(self, code, timeout=60):
        """Executes code; returns the execute_reply content and the iopub messages answering it, up to idle."""
        msg_id = self.kc.execute(code)
        return self.reply_to(msg_id, timeout), self.outputs_of(msg_id, timeout)

    def outputs_of(self, msg_id, timeout=60):
        """The iopub messages answering msg_id, up to its idle status."""
        outputs = []
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            msg = self.kc.get_iopub_msg(timeout=timeout)
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                return outputs
            if msg["msg_type"] not in ("status", "execute_input"):
                outputs.append(msg)
        self.fail(f"no idle status for {msg_id}")

    def reply_to(self, msg_id, timeout):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            msg = self.kc.get_shell_msg(timeout=max(0.1, deadline - time.monotonic()))
            if msg["parent_header"].get("msg_id") == msg_id:
                return msg["content"]
        self.fail("no reply in time")

    def assert_fresh_and_alive(self):
        reply, outputs = self.run_cell("1 + 1")
        self.assertEqual(reply["status"], "ok", reply)
        self.assertEqual([m["content"]["data"]["text/plain"] for m in outputs if m["msg_type"] == "execute_result"], ["2"])

    def test_interrupt_stops_a_runaway_cell_within_5_seconds(self):
        self.run_cell("var kept = 41;")
        msg_id = self.kc.execute("while (true) { }")
        time.sleep(1)
        start = time.monotonic()
        self.km.interrupt_kernel()
        reply = self.reply_to(msg_id, timeout=10)
        self.assertLess(time.monotonic() - start, 5)
        self.assertEqual(reply["status"], "error")
        self.assertEqual(reply["ename"], "KernelInterrupted")
        self.assertIn(STATE_LOST, reply["evalue"])
        self.assertIn("set-up cell", reply["evalue"])
        start = time.monotonic()
        self.assert_fresh_and_alive()
        self.assertLess(time.monotonic() - start, 5)
        reply, _ = self.run_cell("kept + 1")
        self.assertEqual(reply["status"], "error", "the interrupted notebook's variables are gone")

    def test_restart_gives_a_fresh_kernel(self):
        self.run_cell("var kept = 41;")
        self.km.restart_kernel(now=False)
        self.kc.wait_for_ready(timeout=60)
        self.assert_fresh_and_alive()
        reply, outputs = self.run_cell("kept + 1")
        self.assertEqual(reply["status"], "error")
        self.assertIn("CS0103", reply["evalue"])
        self.assertEqual(outputs[0]["content"]["traceback"][0].split(":")[0], "Cell 2, line 1, column 1")

    def test_10_mb_of_output(self):
        start = time.monotonic()
        reply, outputs = self.run_cell("Console.Write(new string('x', 10_000_000));", timeout=120)
        self.assertEqual(reply["status"], "ok")
        text = "".join(m["content"]["text"] for m in outputs if m["msg_type"] == "stream")
        self.assertGreaterEqual(text.count("x"), 1_000_000, "the runner's cap of 1,000,000 characters arrives")
        reply, outputs = self.run_cell("new string('y', 10_000_000)", timeout=120)
        self.assertEqual(reply["status"], "ok")
        result = [m for m in outputs if m["msg_type"] == "execute_result"]
        self.assertEqual(len(result), 1)
        self.assertIn("text/plain", result[0]["content"]["data"])
        self.assertLess(time.monotonic() - start, 60)
        self.assert_fresh_and_alive()

    def test_stack_overflow_gives_an_error_and_a_fresh_worker(self):
        reply, outputs = self.run_cell("int Down(int n) => Down(n + 1) + 1;\nDown(0)")
        self.assertEqual(reply["status"], "error")
        self.assertEqual(reply["ename"], "WorkerCrashed")
        self.assertIn("stack overflow", reply["evalue"])
        self.assertIn(STATE_LOST, reply["evalue"])
        self.assertEqual([m["msg_type"] for m in outputs], ["error"])
        self.assert_fresh_and_alive()

    def test_environment_exit_gives_an_error_and_a_fresh_worker(self):
        reply, _ = self.run_cell("Environment.Exit(0);")
        self.assertEqual(reply["status"], "error")
        self.assertIn("Environment.Exit", reply["evalue"])
        self.assert_fresh_and_alive()

    def test_out_of_memory_gives_an_error_and_a_fresh_worker(self):
        reply, _ = self.run_cell("var hoard = new List<byte[]>();\nwhile (true) hoard.Add(new byte[1 << 30]);", timeout=120)
        self.assertEqual(reply["status"], "error")
        self.assert_fresh_and_alive()

    def test_console_readline_asks_the_front_end_on_the_stdin_channel(self):
        # The text a cell writes on the line before it reads is the question's prompt, as input("Name: ") in Python.
        code = ('Console.WriteLine("Two questions.");\nConsole.Write("Name: ");\nvar name = Console.ReadLine();\n'
                'var age = Console.ReadLine();\nConsole.WriteLine($"{name} is {age}");')
        msg_id = self.kc.execute(code, allow_stdin=True)
        for answer, prompt in (("Ada", "Name: "), ("36", "")):
            request = self.kc.get_stdin_msg(timeout=60)
            self.assertEqual(request["msg_type"], "input_request")
            self.assertEqual(request["parent_header"]["msg_id"], msg_id)
            self.assertEqual(request["content"], {"prompt": prompt, "password": False})
            self.kc.input(answer)
        reply = self.reply_to(msg_id, 60)
        self.assertEqual(reply["status"], "ok", reply)
        stdout = "".join(m["content"]["text"] for m in self.outputs_of(msg_id) if m["msg_type"] == "stream" and m["content"]["name"] == "stdout")
        self.assertEqual(stdout, "Two questions.\nAda is 36\n")

    def test_console_readline_without_allow_stdin_reads_null_with_a_note(self):
        msg_id = self.kc.execute('Console.WriteLine(Console.ReadLine() is null);', allow_stdin=False)
        reply = self.reply_to(msg_id, 60)
        self.assertEqual(reply["status"], "ok", reply)
        streams = [(m["content"]["name"], m["content"]["text"]) for m in self.outputs_of(msg_id) if m["msg_type"] == "stream"]
        self.assertEqual(streams[0], ("stdout", "True\n"))
        self.assertEqual(streams[1][0], "stderr")
        self.assertIn("allow_stdin is false", streams[1][1])
        with self.assertRaises(Empty, msg="no input_request without allow_stdin"):
            self.kc.get_stdin_msg(timeout=0.5)

    def test_interrupt_while_a_cell_waits_for_input(self):
        msg_id = self.kc.execute("var line = Console.ReadLine();", allow_stdin=True)
        self.assertEqual(self.kc.get_stdin_msg(timeout=60)["msg_type"], "input_request")
        start = time.monotonic()
        self.km.interrupt_kernel()
        reply = self.reply_to(msg_id, timeout=10)
        self.assertLess(time.monotonic() - start, 5)
        self.assertEqual(reply["ename"], "KernelInterrupted")
        self.assert_fresh_and_alive()

    def test_output_is_published_while_the_cell_runs(self):
        code = 'Console.WriteLine("first");\nSystem.Threading.Thread.Sleep(3000);\nConsole.WriteLine("second");\n"done"'
        msg_id = self.kc.execute(code)
        arrived = []
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            msg = self.kc.get_iopub_msg(timeout=60)
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                break
            if msg["msg_type"] in ("stream", "execute_result"):
                text = msg["content"].get("text") or msg["content"]["data"]["text/plain"]
                arrived.append((time.monotonic(), text))
        self.assertEqual([text for _, text in arrived], ["first\n", "second\n", "done"])
        self.assertGreater(arrived[1][0] - arrived[0][0], 2, "the first line came while the cell still slept")
        self.assertEqual(self.reply_to(msg_id, 10)["status"], "ok")

    def test_an_error_aborts_the_queued_cells_unless_stop_on_error_is_false(self):
        failing = self.kc.execute('System.Threading.Thread.Sleep(1000);\nthrow new Exception("stop here");')
        queued = self.kc.execute("1 + 1")
        self.assertEqual(self.reply_to(failing, 60)["status"], "error")
        self.assertEqual(self.reply_to(queued, 60)["status"], "aborted")
        self.assertEqual(self.outputs_of(queued), [])
        failing = self.kc.execute('System.Threading.Thread.Sleep(1000);\nthrow new Exception("go on");', stop_on_error=False)
        queued = self.kc.execute("1 + 1")
        self.assertEqual(self.reply_to(failing, 60)["status"], "error")
        self.assertEqual(self.reply_to(queued, 60)["status"], "ok")
        self.assert_fresh_and_alive()

    def test_state_persists_across_cells(self):
        self.run_cell("var count = 40;")
        self.run_cell("count += 2;")
        reply, outputs = self.run_cell("count")
        self.assertEqual(outputs[0]["content"]["data"]["text/plain"], "42")

    def test_completion_and_inspect_see_earlier_cells(self):
        self.run_cell("public record Trend(string Name, double Score);\nvar trendScores = new List<Trend>();")
        code = "trendScores.Ad"
        self.kc.complete(code, len(code))
        reply = self.kc.get_shell_msg(timeout=30)["content"]
        self.assertIn("Add", reply["matches"])
        self.assertEqual((reply["cursor_start"], reply["cursor_end"]), (len("trendScores."), len(code)))
        self.kc.complete("trendSc", 7)
        self.assertEqual(self.kc.get_shell_msg(timeout=30)["content"]["matches"], ["trendScores"])
        self.kc.inspect("new Trend(", 9)
        reply = self.kc.get_shell_msg(timeout=30)["content"]
        self.assertTrue(reply["found"])
        self.assertIn("Trend", reply["data"]["text/plain"])

    def test_error_uses_the_cells_own_line_numbers(self):
        reply, outputs = self.run_cell("var a = 1;\nvar b = 2;\nthrow new Exception(\"third line\");")
        self.assertEqual(reply["status"], "error")
        self.assertIn("line 3", "\n".join(reply["traceback"]))

    def test_wrongly_signed_and_malformed_messages_are_dropped(self):
        info = self.km.get_connection_info()
        context = zmq.Context.instance()
        shell = context.socket(zmq.DEALER)
        shell.linger = 0
        shell.connect(f"{info['transport']}://{info['ip']}:{info['shell_port']}")
        try:
            wrong = Session(key=b"not-the-key")
            wrong.send(shell, "kernel_info_request", {})
            shell.send_multipart([b"no delimiter here"])
            shell.send_multipart([b"<IDS|MSG>", b"", b"{not json", b"{}", b"{}", b"{}"])
            self.assertEqual(shell.poll(2000), 0, "the kernel answered a message it should have dropped")
        finally:
            shell.close()
        self.assert_fresh_and_alive()
        self.assertTrue(self.km.is_alive())


if __name__ == "__main__":
    unittest.main(verbosity=2)
