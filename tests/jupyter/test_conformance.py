"""The Jupyter project's kernel conformance tests (jupyter_kernel_test) against the RnnNotebooks C# kernel.

Run with the kernelspec on JUPYTER_PATH, e.g.
    dotnet artifacts/bin/RnnNotebooks.Cli/debug/rnnbook.dll kernel install --prefix /tmp/k
    JUPYTER_PATH=/tmp/k/share/jupyter python3 -m pytest -v tests/jupyter/test_conformance.py
The xunit test KernelConformanceTests does exactly that.
"""
import unittest

import jupyter_kernel_test


class RnnNotebooksKernelTests(jupyter_kernel_test.KernelTests):
    kernel_name = "rnnnotebooks-csharp"

    language_name = "csharp"
    file_extension = ".cs"

    code_hello_world = 'Console.WriteLine("hello, world");'
    code_stderr = 'Console.Error.WriteLine("to stderr");'
    code_generate_error = 'throw new InvalidOperationException("boom");'

    code_execute_result = [
        {"code": "6 * 7", "result": "42"},
        {"code": '"a" + "b"', "result": "ab"},
    ]
    code_display_data = [
        {"code": 'display("shown");', "mime": "text/plain"},
        {"code": 'display(HTML("<b>bold</b>"));', "mime": "text/html"},
    ]

    completion_samples = [
        {"text": "Console.WriteLi", "matches": {"WriteLine"}},
        {"text": "System.Math.Sqr", "matches": {"Sqrt"}},
    ]
    complete_code_samples = ["1 + 1", "var x = 1;", "if (true) { }", 'Console.WriteLine("hi");']
    incomplete_code_samples = ["if (true) {", "void F() {", "1 +"]
    invalid_code_samples = ["var = ;", "int x = 1 2;"]

    code_inspect_sample = "Console.WriteLine"

    # No history: Jupyter front ends do not need it; jupyter_kernel_test skips these.
    supported_history_operations = ()


if __name__ == "__main__":
    unittest.main()
